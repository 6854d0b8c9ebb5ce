/** The Spring Boot application that assembles DeskLedger: event store, security, schema, embedded database. */
package com.deskledger.infra;
