/** Queries of the stock view and their answers. */
package com.deskledger.kernel.stock.query;
