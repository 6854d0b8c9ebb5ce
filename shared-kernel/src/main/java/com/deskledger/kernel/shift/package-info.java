/** The Shift aggregate's published language: one staff member's duty on one post on one day. */
package com.deskledger.kernel.shift;
