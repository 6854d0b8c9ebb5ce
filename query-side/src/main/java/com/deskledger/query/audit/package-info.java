/** The audit trail: an aggregate's full history read straight from the event store. */
package com.deskledger.query.audit;
