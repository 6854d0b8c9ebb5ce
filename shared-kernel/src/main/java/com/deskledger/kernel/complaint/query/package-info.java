/** Queries on the complaints read model and their responses. */
package com.deskledger.kernel.complaint.query;
