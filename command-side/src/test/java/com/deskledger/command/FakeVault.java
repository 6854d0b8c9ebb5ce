package com.deskledger.command;

import com.deskledger.kernel.PersonalDataVault;
import com.deskledger.kernel.Sealed;
import com.deskledger.kernel.complaint.ComplaintId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.visit.VisitId;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Seals deterministically, so the fixtures can compare events; the real vault uses a random nonce per value. A
 * sealed value is the key's id and the text reversed: readable in a failing test, but never the text itself.
 */
public final class FakeVault implements PersonalDataVault {

    private final Set<String> destroyed = new HashSet<>();

    public static Sealed sealed(MemberId member, String plaintext) {
        return sealed("member:" + member.value(), plaintext);
    }

    public static Sealed sealed(VisitId visit, String plaintext) {
        return sealed("visit:" + visit.value(), plaintext);
    }

    private static Sealed sealed(String keyId, String plaintext) {
        return plaintext == null || plaintext.isBlank() ? null
                : Sealed.of("test:" + keyId + ":" + new StringBuilder(plaintext.strip()).reverse());
    }

    @Override
    public Sealed seal(MemberId member, String plaintext) {
        return sealed(member, plaintext);
    }

    @Override
    public Optional<String> open(MemberId member, Sealed sealed) {
        return open("member:" + member.value(), sealed);
    }

    @Override
    public void destroy(MemberId member) {
        destroyed.add("member:" + member.value());
    }

    @Override
    public Sealed seal(VisitId visit, String plaintext) {
        return sealed(visit, plaintext);
    }

    @Override
    public Optional<String> open(VisitId visit, Sealed sealed) {
        return open("visit:" + visit.value(), sealed);
    }

    @Override
    public void destroy(VisitId visit) {
        destroyed.add("visit:" + visit.value());
    }

    public static Sealed sealed(ComplaintId complaint, String plaintext) {
        return sealed("complaint:" + complaint.value(), plaintext);
    }

    @Override
    public Sealed seal(ComplaintId complaint, String plaintext) {
        return sealed(complaint, plaintext);
    }

    @Override
    public Optional<String> open(ComplaintId complaint, Sealed sealed) {
        return open("complaint:" + complaint.value(), sealed);
    }

    private Optional<String> open(String keyId, Sealed sealed) {
        if (sealed == null || destroyed.contains(keyId)) {
            return Optional.empty();
        }
        String text = sealed.value().substring(sealed.value().lastIndexOf(':') + 1);
        return Optional.of(new StringBuilder(text).reverse().toString());
    }
}
