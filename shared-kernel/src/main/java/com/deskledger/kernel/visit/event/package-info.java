/** Events of a VisitorSession. */
package com.deskledger.kernel.visit.event;
