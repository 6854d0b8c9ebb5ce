/** Deadlines kept in PostgreSQL: db-scheduler runs the due ones for Axon's DbSchedulerDeadlineManager. */
package com.deskledger.infra.deadline;
