/** Queries on the reception read model and their responses. */
package com.deskledger.kernel.visit.query;
