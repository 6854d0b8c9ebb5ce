/** The views' safety net: an event a projection cannot apply goes to Axon's dead-letter queue, not in its way. */
package com.deskledger.infra.deadletter;
