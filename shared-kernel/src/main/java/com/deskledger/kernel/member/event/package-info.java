/** Events of a MemberAccount. Personal values in them are {@code Sealed} with the member's key. */
package com.deskledger.kernel.member.event;
