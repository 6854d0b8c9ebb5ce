/** The MemberAccount aggregate's published language. */
package com.deskledger.kernel.member;
