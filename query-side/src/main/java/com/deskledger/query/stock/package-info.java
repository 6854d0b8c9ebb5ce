/**
 * The stock view: stock on hand per centre and product with its value at cost, products below their reorder level,
 * the movements of a product with who did what, goods in transit, shrinkage per month, and CSV sheets.
 */
package com.deskledger.query.stock;
