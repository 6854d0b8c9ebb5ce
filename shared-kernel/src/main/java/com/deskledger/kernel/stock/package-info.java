/** The desk's goods (库存管理, 消费品采购): the catalogue and the stock ledger of one product in one centre. */
package com.deskledger.kernel.stock;
