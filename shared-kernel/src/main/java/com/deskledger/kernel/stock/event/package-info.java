/** Events of a Product. Every movement carries the stock on hand after it, so a view needs no arithmetic. */
package com.deskledger.kernel.stock.event;
