/** Commands on a Product: its catalogue entry and every movement of its stock. */
package com.deskledger.kernel.stock.command;
