package com.deskledger.kernel;

import com.deskledger.kernel.complaint.ComplaintId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.visit.VisitId;

import java.util.Optional;

/**
 * Crypto-shredding: one secret key per member, one per visit, and one per complaint of a customer who is not a
 * member, kept outside the event store. Personal values
 * are sealed with it before they enter an event and opened with it by the projections; erasure destroys the key,
 * after which no value sealed with it can be read again, from the events or anywhere else. A destroyed key is never
 * made again: a value given later for the same person is not kept (it seals to a value that opens to nothing).
 */
public interface PersonalDataVault {

    /** Seals a member's value with their key, creating the key on first use; null and blank stay null. */
    Sealed seal(MemberId member, String plaintext);

    /** The plain value, or empty when there is none or the member's key was destroyed. */
    Optional<String> open(MemberId member, Sealed sealed);

    /** Destroys the member's key for good. */
    void destroy(MemberId member);

    /** Seals a value given at a visit (the registration form, a call-back number) with the visit's key. */
    Sealed seal(VisitId visit, String plaintext);

    /** The plain value, or empty when there is none or the visit's key was destroyed. */
    Optional<String> open(VisitId visit, Sealed sealed);

    /** Destroys the visit's key for good. */
    void destroy(VisitId visit);

    /**
     * Seals a value of a complaint whose customer is not a member with the complaint's own key (a member's complaint
     * is sealed with the member's key, so erasing the member reaches it).
     */
    Sealed seal(ComplaintId complaint, String plaintext);

    /** The plain value, or empty when there is none or the complaint's key was destroyed. */
    Optional<String> open(ComplaintId complaint, Sealed sealed);
}
