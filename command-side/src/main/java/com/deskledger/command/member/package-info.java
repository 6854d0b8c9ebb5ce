/** MemberAccount: enrolment, packages, sales, refunds, attendance, erasure; the no-duplicates lookup; REST. */
package com.deskledger.command.member;
