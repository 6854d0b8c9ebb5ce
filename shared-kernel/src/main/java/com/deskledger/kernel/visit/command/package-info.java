/** Commands on a VisitorSession. */
package com.deskledger.kernel.visit.command;
