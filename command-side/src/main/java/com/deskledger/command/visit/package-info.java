/** VisitorSession: one visit or one call at the desk, and its REST command controller. */
package com.deskledger.command.visit;
