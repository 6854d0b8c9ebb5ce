/** Queries on the audit trail. */
package com.deskledger.kernel.audit.query;
