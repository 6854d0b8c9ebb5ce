/** Shift: one staff member's duty on one post on one day; its REST commands, post configuration and slot lookup. */
package com.deskledger.command.shift;
