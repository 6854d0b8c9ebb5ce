package com.deskledger.infra.member;

import com.deskledger.kernel.PersonalDataVault;
import com.deskledger.kernel.Sealed;
import com.deskledger.kernel.complaint.ComplaintId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.visit.VisitId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AES-256-GCM with one random key per member ({@code member:<id>}), per visit ({@code visit:<id>}) and per complaint
 * of a customer who is not a member ({@code complaint:<id>}) in
 * {@code personal_key}, a table outside the event store that no projection reset touches. A sealed value is
 * {@code v1:} and the Base64 of a fresh 12-byte nonce followed by the ciphertext and tag; the key's id is
 * authenticated with it, so a value cannot be moved to another person. {@code plain:} marks a value written before
 * sealing existed (see the visit upcasters): it is read as it is. Keys are read from the database and never cached
 * beyond one transaction, so a destroyed key is gone on every node at once: a processor's batch of events reads the
 * keys of all its members and visits in one query, in the batch's own transaction, and forgets them when the batch
 * ends (a key destroyed meanwhile belongs to a member whose erasure event comes later and clears the view). A
 * destroyed key is never made again ({@code personal_key_erased}): a value given later for the same person (a note
 * on an erased member's complaint) is not kept at all, and reads as nothing ({@code erased:}). Every key is stored
 * wrapped by the active key-encryption key of the key directory ({@link KeyWrapping}), never as it is: the database
 * alone (a backup, its files, its write-ahead log) opens nothing.
 */
@Component
class JdbcPersonalDataVault implements PersonalDataVault {

    private static final String PREFIX = "v1:";
    private static final String LEGACY_PREFIX = "plain:";
    /** A value given after its key was destroyed: never stored, read as nothing. */
    private static final String ERASED_PREFIX = "erased:";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String BATCH_KEYS = JdbcPersonalDataVault.class.getName() + ".batchKeys";
    /** Whose keys a batch reads: the aggregate types whose events carry values sealed with their own key. */
    private static final Map<String, String> KEY_PREFIXES = Map.of("MemberAccount", "member:",
            "VisitorSession", "visit:", "ComplaintCase", "complaint:");

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final KeyWrapping wrapping;
    private final SecureRandom random = new SecureRandom();

    JdbcPersonalDataVault(JdbcTemplate jdbc, Clock clock, KeyWrapping wrapping) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.wrapping = wrapping;
    }

    @Override
    public Sealed seal(MemberId member, String plaintext) {
        return seal("member:" + member.value(), plaintext);
    }

    @Override
    public Optional<String> open(MemberId member, Sealed sealed) {
        return open("member:" + member.value(), sealed);
    }

    @Override
    public void destroy(MemberId member) {
        destroy("member:" + member.value());
    }

    @Override
    public Sealed seal(VisitId visit, String plaintext) {
        return seal("visit:" + visit.value(), plaintext);
    }

    @Override
    public Optional<String> open(VisitId visit, Sealed sealed) {
        return open("visit:" + visit.value(), sealed);
    }

    @Override
    public void destroy(VisitId visit) {
        destroy("visit:" + visit.value());
    }

    @Override
    public Sealed seal(ComplaintId complaint, String plaintext) {
        return seal("complaint:" + complaint.value(), plaintext);
    }

    @Override
    public Optional<String> open(ComplaintId complaint, Sealed sealed) {
        return open("complaint:" + complaint.value(), sealed);
    }

    private Sealed seal(String keyId, String plaintext) {
        if (plaintext == null || plaintext.isBlank()) {
            return null;
        }
        byte[] key = keyCreatingIfMissing(keyId);
        if (key == null) {
            return Sealed.of(ERASED_PREFIX);
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, key, nonce, keyId,
                plaintext.strip().getBytes(StandardCharsets.UTF_8));
        return Sealed.of(PREFIX + Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array()));
    }

    private Optional<String> open(String keyId, Sealed sealed) {
        if (sealed == null) {
            return Optional.empty();
        }
        if (sealed.value().startsWith(ERASED_PREFIX)) {
            return Optional.empty();
        }
        if (sealed.value().startsWith(LEGACY_PREFIX)) {
            return Optional.of(sealed.value().substring(LEGACY_PREFIX.length()));
        }
        if (!sealed.value().startsWith(PREFIX)) {
            throw new IllegalStateException("unknown sealed format");
        }
        Optional<byte[]> key = keyOfBatch(keyId).orElseGet(() -> key(keyId));
        if (key.isEmpty()) {
            return Optional.empty();
        }
        byte[] data = Base64.getDecoder().decode(sealed.value().substring(PREFIX.length()));
        byte[] nonce = new byte[NONCE_BYTES];
        System.arraycopy(data, 0, nonce, 0, NONCE_BYTES);
        byte[] ciphertext = new byte[data.length - NONCE_BYTES];
        System.arraycopy(data, NONCE_BYTES, ciphertext, 0, ciphertext.length);
        return Optional.of(new String(crypt(Cipher.DECRYPT_MODE, key.get(), nonce, keyId, ciphertext),
                StandardCharsets.UTF_8));
    }

    private void destroy(String keyId) {
        jdbc.update("delete from personal_key where key_id = ?", keyId);
        jdbc.update("insert into personal_key_erased (key_id, erased_at) values (?, ?) on conflict do nothing", keyId,
                Timestamp.from(clock.instant()));
    }

    /** The key, made on first use; null once it was destroyed, for good. */
    private byte[] keyCreatingIfMissing(String keyId) {
        Optional<byte[]> known = key(keyId);
        if (known.isPresent()) {
            return known.get();
        }
        if (!jdbc.queryForList("select 1 from personal_key_erased where key_id = ?", Integer.class, keyId).isEmpty()) {
            return null;
        }
        byte[] fresh = new byte[KEY_BYTES];
        random.nextBytes(fresh);
        KeyWrapping.Wrapped wrapped = wrapping.wrap(keyId, fresh);
        jdbc.update("insert into personal_key (key_id, secret, kek_id, created_at) values (?, ?, ?, ?)"
                + " on conflict do nothing", keyId, wrapped.secret(), wrapped.kekId(), Timestamp.from(clock.instant()));
        return key(keyId).orElseThrow(() -> new IllegalStateException("personal key could not be stored"));
    }

    /**
     * Within a processor's batch of events: the key as read once for the whole batch, or nothing when the key is
     * not one of the batch's members and visits (then it is read on its own).
     */
    private Optional<Optional<byte[]>> keyOfBatch(String keyId) {
        if (!CurrentUnitOfWork.isStarted()
                || !(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch)) {
            return Optional.empty();
        }
        Map<String, Optional<byte[]>> keys = batch.getOrComputeResource(BATCH_KEYS, name -> keysOf(batch));
        return Optional.ofNullable(keys.get(keyId));
    }

    private Map<String, Optional<byte[]>> keysOf(BatchingUnitOfWork<?> batch) {
        Map<String, Optional<byte[]>> keys = new HashMap<>();
        for (Message<?> message : batch.getMessages()) {
            if (message instanceof DomainEventMessage<?> event) {
                String prefix = KEY_PREFIXES.get(event.getType());
                if (prefix != null) {
                    keys.put(prefix + event.getAggregateIdentifier(), Optional.empty());
                }
            }
        }
        if (!keys.isEmpty()) {
            jdbc.query("select key_id, secret, kek_id from personal_key where key_id = any(?)",
                    (RowCallbackHandler) rs -> keys.put(rs.getString(1),
                            Optional.of(wrapping.unwrap(rs.getString(1), rs.getBytes(2), rs.getString(3)))),
                    (Object) keys.keySet().toArray(String[]::new));
        }
        return keys;
    }

    private Optional<byte[]> key(String keyId) {
        List<byte[]> found = jdbc.query("select secret, kek_id from personal_key where key_id = ?",
                (rs, n) -> wrapping.unwrap(keyId, rs.getBytes(1), rs.getString(2)), keyId);
        return found.stream().findFirst();
    }

    private static byte[] crypt(int mode, byte[] key, byte[] nonce, String keyId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealed value cannot be processed", e);
        }
    }
}
