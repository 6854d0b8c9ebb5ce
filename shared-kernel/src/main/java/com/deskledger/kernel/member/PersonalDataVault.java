package com.deskledger.kernel.member;

import java.util.Optional;

/**
 * Crypto-shredding: one secret key per member, kept outside the event store. Personal values are sealed with it
 * before they enter an event and opened with it by the projections; erasure destroys the key, after which no
 * sealed value of that member can be read again, from the events or anywhere else.
 */
public interface PersonalDataVault {

    /** Seals a value with the member's key, creating the key on first use; null and blank stay null. */
    Sealed seal(MemberId member, String plaintext);

    /** The plain value, or empty when there is none or the member's key was destroyed. */
    Optional<String> open(MemberId member, Sealed sealed);

    /** Destroys the member's key for good. */
    void destroy(MemberId member);
}
