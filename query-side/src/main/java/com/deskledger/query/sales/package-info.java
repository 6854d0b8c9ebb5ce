/** The sales read model: revenue and refunds, renewals, conversions, outstanding credits; exact sums in SQL. */
package com.deskledger.query.sales;
