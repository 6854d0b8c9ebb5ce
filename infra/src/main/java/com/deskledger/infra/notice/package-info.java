/** Notices to guardians: delivery of the outbox to RabbitMQ, the expiry scan, and the managers' list of notices. */
package com.deskledger.infra.notice;
