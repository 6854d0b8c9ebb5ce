/** The VisitorSession aggregate's published language: one visit or one call at the desk. */
package com.deskledger.kernel.visit;
