/** Axon set-up: JDBC event store, Jackson everywhere, pooled streaming processors, metadata propagation. */
package com.deskledger.infra.axon;
