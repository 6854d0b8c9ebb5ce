/**
 * Tamper evidence of the event store: the application's signature on every appended event, signed checkpoints of
 * the whole store, and their verification.
 */
package com.deskledger.infra.integrity;
