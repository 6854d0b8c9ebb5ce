/** Business counters on /actuator/prometheus, fed live by a subscribing processor (never replayed). */
package com.deskledger.infra.metrics;
