package com.deskledger.command.member;

import com.deskledger.command.directory.AggregateDirectory;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.PersonalDataVault;
import com.deskledger.kernel.Sealed;
import com.deskledger.kernel.member.event.ContactDetailsChangedEvent;
import com.deskledger.kernel.member.event.MemberEnrolledEvent;
import com.deskledger.kernel.member.event.MemberErasedEvent;
import com.deskledger.kernel.member.event.MemberImportedEvent;
import com.deskledger.kernel.visit.VisitId;
import com.deskledger.kernel.visit.event.MemberLinkedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One member per centre for the same identity: the ID number, or else the guardian's phone (the member's own
 * phone for an adult without a guardian) together with the member's name. Only keyed hashes are stored. Fed by a
 * subscribing processor in the transaction that appends the event, so a concurrent duplicate that slipped past
 * the check before dispatch is refused there and rolls back; erasure releases the identity and destroys the
 * member's key, and the keys of the visits linked to them, in that same transaction.
 */
@Component
@ProcessingGroup(MemberIdentities.PROCESSING_GROUP)
class MemberIdentities {

    static final String PROCESSING_GROUP = "member-identity";

    enum Basis { ID_NUMBER, GUARDIAN_PHONE, PHONE }

    /** A member's identity as stored: what it is based on, its hash, and the hash of the name alone. */
    record Identity(Basis basis, String hash, String nameKey) {
    }

    private static final String MEMBER_TYPE = "MemberAccount";

    private final JdbcTemplate jdbc;
    private final IdentityHasher hasher;
    private final PersonalDataVault vault;
    private final AggregateDirectory directory;

    MemberIdentities(JdbcTemplate jdbc, IdentityHasher hasher, PersonalDataVault vault, AggregateDirectory directory) {
        this.jdbc = jdbc;
        this.hasher = hasher;
        this.vault = vault;
        this.directory = directory;
    }

    Identity identify(String name, String idNumber, String guardianPhone, String phone) {
        String nameKey = hasher.hash("name|" + normalName(name));
        if (!isBlank(idNumber)) {
            return new Identity(Basis.ID_NUMBER, hasher.hash("id|" + normalId(idNumber)), nameKey);
        }
        if (!isBlank(guardianPhone)) {
            return new Identity(Basis.GUARDIAN_PHONE, phoneHash(guardianPhone, nameKey), nameKey);
        }
        return new Identity(Basis.PHONE, phoneHash(isBlank(phone) ? "" : phone, nameKey), nameKey);
    }

    /** The member of the centre who holds this identity, if any. */
    Optional<MemberId> holder(CentreId centre, Identity identity) {
        return holder(centre.value(), identity.hash());
    }

    /** Another member of the centre who holds the identity this member would have after a contact change. */
    Optional<MemberId> holderAfterChange(MemberId member, String phone, String guardianPhone) {
        return rehashed(member, phone, guardianPhone)
                .flatMap(changed -> holder(changed.centre(), changed.hash()))
                .filter(other -> !other.equals(member));
    }

    @EventHandler
    void on(MemberEnrolledEvent event) {
        MemberId member = event.memberId();
        Identity identity = identify(open(member, event.name()), open(member, event.idNumber()),
                open(member, event.guardianPhone()), open(member, event.phone()));
        int inserted = jdbc.update("""
                insert into member_identity (member_id, centre, identity_hash, basis, name_key)
                values (?, ?, ?, ?, ?) on conflict do nothing""",
                member.value(), event.centre().value(), identity.hash(), identity.basis().name(), identity.nameKey());
        if (inserted == 0) {
            throw alreadyEnrolled();
        }
        if (event.visitId() != null) {
            linkVisit(event.visitId().value(), member.value());
        }
    }

    /** An imported member holds their identity as an enrolled one does: no second member of it in the centre. */
    @EventHandler
    void on(MemberImportedEvent event) {
        MemberId member = event.memberId();
        Identity identity = identify(open(member, event.name()), open(member, event.idNumber()),
                open(member, event.guardianPhone()), open(member, event.phone()));
        int inserted = jdbc.update("""
                insert into member_identity (member_id, centre, identity_hash, basis, name_key)
                values (?, ?, ?, ?, ?) on conflict do nothing""",
                member.value(), event.centre().value(), identity.hash(), identity.basis().name(), identity.nameKey());
        if (inserted == 0) {
            throw alreadyEnrolled();
        }
    }

    /** The holders of these identity hashes in the centre, by hash (one query for a batch of import rows). */
    Map<String, MemberId> holders(CentreId centre, Collection<String> hashes) {
        Map<String, MemberId> found = new HashMap<>();
        if (!hashes.isEmpty()) {
            jdbc.query("select identity_hash, member_id from member_identity where centre = ? and identity_hash = any(?)",
                    (RowCallbackHandler) rs -> found.put(rs.getString(1), MemberId.of(rs.getString(2))),
                    centre.value(), hashes.toArray(String[]::new));
        }
        return found;
    }

    @EventHandler
    void on(ContactDetailsChangedEvent event) {
        MemberId member = event.memberId();
        Optional<Rehashed> changed = rehashed(member, open(member, event.phone()), open(member, event.guardianPhone()));
        if (changed.isPresent()) {
            if (holder(changed.get().centre(), changed.get().hash()).filter(o -> !o.equals(member)).isPresent()) {
                throw alreadyEnrolled();
            }
            try {
                jdbc.update("update member_identity set identity_hash = ? where member_id = ?", changed.get().hash(),
                        member.value());
            } catch (DuplicateKeyException raced) {
                // another member took this identity in a transaction that committed after the check above: the
                // unique key says so, and it is the same business rule, not a conflict to retry
                throw alreadyEnrolled();
            }
        }
    }

    /**
     * The visits a member was linked to hold their registration form: erasure destroys those keys too. The link
     * locks the member's identity row until its transaction ends, and erasure deletes that row first: whichever
     * comes second waits for the other to commit. Without it a link committing while the member was erased was seen
     * by neither, and the visit kept its key (and the views their copy of its personal data) for good. A link that
     * comes second finds the member erased and is refused: nothing is done for an erased member.
     */
    @EventHandler
    void on(MemberLinkedEvent event) {
        String member = event.memberId().value();
        boolean identified = !jdbc.queryForList("select member_id from member_identity where member_id = ? for share",
                String.class, member).isEmpty();
        if (!identified && directory.centreOf(member, MEMBER_TYPE).isPresent()) {
            throw new DomainException(ErrorCode.MEMBER_ERASED, "the member's data was erased; nothing can be "
                    + "linked to them");
        }
        linkVisit(event.visitId().value(), member);
    }

    @EventHandler
    void on(MemberErasedEvent event) {
        String member = event.memberId().value();
        jdbc.update("delete from member_identity where member_id = ?", member);
        jdbc.queryForList("select visit_id from member_visit where member_id = ?", String.class, member)
                .forEach(visit -> vault.destroy(VisitId.of(visit)));
        jdbc.update("delete from member_visit where member_id = ?", member);
        vault.destroy(event.memberId());
    }

    /**
     * A visit is kept with every member that claims it, its own link and enrolments that name it (V62): erasing any
     * of them destroys the visit's key, whichever committed last.
     */
    private void linkVisit(String visitId, String memberId) {
        jdbc.update("insert into member_visit (visit_id, member_id) values (?, ?) on conflict do nothing", visitId,
                memberId);
    }

    private record Rehashed(String centre, String hash) {
    }

    /** The new identity hash when a changed phone is the one the identity rests on; empty otherwise. */
    private Optional<Rehashed> rehashed(MemberId member, String phone, String guardianPhone) {
        List<Rehashed> found = jdbc.query("select centre, basis, name_key from member_identity where member_id = ?",
                (rs, n) -> {
                    Basis basis = Basis.valueOf(rs.getString("basis"));
                    String changedPhone = basis == Basis.GUARDIAN_PHONE ? guardianPhone
                            : basis == Basis.PHONE ? phone : null;
                    return isBlank(changedPhone) ? null
                            : new Rehashed(rs.getString("centre"), phoneHash(changedPhone, rs.getString("name_key")));
                }, member.value());
        return found.stream().filter(Objects::nonNull).findFirst();
    }

    private Optional<MemberId> holder(String centre, String hash) {
        return jdbc.queryForList("select member_id from member_identity where centre = ? and identity_hash = ?",
                String.class, centre, hash).stream().findFirst().map(MemberId::of);
    }

    private String phoneHash(String phone, String nameKey) {
        return hasher.hash("phone|" + normalPhone(phone) + "|" + nameKey);
    }

    private String open(MemberId member, Sealed sealed) {
        return sealed == null ? null : vault.open(member, sealed).orElse(null);
    }

    static DomainException alreadyEnrolled() {
        return new DomainException(ErrorCode.MEMBER_ALREADY_ENROLLED,
                "a member with the same identity is already enrolled in this centre");
    }

    static String normalName(String name) {
        return Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKC).strip()
                .replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static String normalId(String idNumber) {
        return Normalizer.normalize(idNumber, Normalizer.Form.NFKC).replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** Digits only; a mainland mobile number written with its country code is the same number without it. */
    static String normalPhone(String phone) {
        String digits = Normalizer.normalize(phone, Normalizer.Form.NFKC).replaceAll("\\D", "");
        if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.startsWith("86") && digits.length() == 13 && digits.charAt(2) == '1') {
            digits = digits.substring(2);
        }
        return digits;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
