package com.deskledger.kernel.complaint;

import com.deskledger.kernel.Sealed;
import com.deskledger.kernel.member.MemberId;

/**
 * Who complained, as a complaint's events hold it: the member, if one, and the contact's name and phone sealed with
 * the customer's key (the member's, else the complaint's own; see {@code PersonalDataVault}).
 */
public record SealedCustomer(MemberId memberId, Sealed name, Sealed phone) {
}
