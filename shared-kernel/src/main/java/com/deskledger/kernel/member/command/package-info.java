/** Commands on a MemberAccount. Those carrying personal data hide it from {@code toString()}. */
package com.deskledger.kernel.member.command;
