/**
 * The desk's goods: the {@code Product} aggregate (catalogue entry and stock ledger of one product in one centre),
 * the sales that draw its stock down, transfers between centres and its REST controller.
 */
package com.deskledger.command.stock;
