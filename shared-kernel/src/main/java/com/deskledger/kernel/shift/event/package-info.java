/** Events of a Shift. */
package com.deskledger.kernel.shift.event;
