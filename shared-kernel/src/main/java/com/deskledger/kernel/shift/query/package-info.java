/** Queries on the shift read models (roster, staff attendance, head-counts) and their responses. */
package com.deskledger.kernel.shift.query;
