/** Commands on a Shift. */
package com.deskledger.kernel.shift.command;
