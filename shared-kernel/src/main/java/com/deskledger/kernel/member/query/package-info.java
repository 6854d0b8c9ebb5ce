/** Queries on the sales, attendance and member read models, and their responses. Amounts are exact Money. */
package com.deskledger.kernel.member.query;
