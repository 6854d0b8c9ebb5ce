package com.deskledger.infra.member;

import com.deskledger.infra.keys.KeyRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Personal-data keys wrapped by a key-encryption key (KEK) from the key directory ({@code kek/<id>.key}), which the
 * database never holds: a stored key is {@code AES-256-GCM(KEK, nonce, aad = "personal-key:" + key id)} as nonce,
 * ciphertext and tag, with the KEK's id beside it ({@code personal_key.kek_id}). Once the application is ready it
 * wraps every key stored before wrapping existed (no {@code kek_id}) and wraps again, with the active KEK, every key
 * a retired KEK wrapped (rotation), in batches, each row changed only if nobody changed or erased it meanwhile.
 */
@Component
class KeyWrapping {

    /** A key as stored: wrapped, and by which KEK. */
    record Wrapped(byte[] secret, String kekId) {
    }

    private static final Logger log = LoggerFactory.getLogger(KeyWrapping.class);
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int BATCH = 500;

    private final KeyRing keys;
    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    KeyWrapping(KeyRing keys, JdbcTemplate jdbc) {
        this.keys = keys;
        this.jdbc = jdbc;
    }

    /** The key wrapped with the active KEK. */
    Wrapped wrap(String keyId, byte[] key) {
        KeyRing.SecretKeyEntry kek = keys.activeKek();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, kek, nonce, keyId, key);
        return new Wrapped(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array(), kek.id());
    }

    /** The key as stored, unwrapped with the KEK it names; a key stored before wrapping (no KEK) as it is. */
    byte[] unwrap(String keyId, byte[] stored, String kekId) {
        if (kekId == null) {
            return stored;
        }
        KeyRing.SecretKeyEntry kek = keys.kek(kekId).orElseThrow(() -> new IllegalStateException(
                "personal-data key " + keyId + " is wrapped by the key-encryption key " + kekId
                        + ", which is not in the key directory"));
        byte[] nonce = new byte[NONCE_BYTES];
        System.arraycopy(stored, 0, nonce, 0, NONCE_BYTES);
        byte[] sealed = new byte[stored.length - NONCE_BYTES];
        System.arraycopy(stored, NONCE_BYTES, sealed, 0, sealed.length);
        return crypt(Cipher.DECRYPT_MODE, kek, nonce, keyId, sealed);
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        wrapWithActiveKek();
    }

    /** Wraps, with the active KEK, every key stored unwrapped or wrapped by another KEK; answers how many. */
    int wrapWithActiveKek() {
        String active = keys.activeKek().id();
        int changed = 0;
        String after = "";
        List<Object[]> updates = new ArrayList<>();
        do {
            updates.clear();
            jdbc.query("""
                    select key_id, secret, kek_id from personal_key
                    where kek_id is distinct from ? and key_id > ? order by key_id limit ?""", rs -> {
                String keyId = rs.getString(1);
                String kekId = rs.getString(3);
                Wrapped wrapped = wrap(keyId, unwrap(keyId, rs.getBytes(2), kekId));
                updates.add(new Object[]{wrapped.secret(), wrapped.kekId(), keyId, kekId});
            }, active, after, BATCH);
            for (int count : jdbc.batchUpdate("update personal_key set secret = ?, kek_id = ?"
                    + " where key_id = ? and kek_id is not distinct from ?", updates)) {
                changed += Math.max(count, 0);
            }
            if (!updates.isEmpty()) {
                after = (String) updates.get(updates.size() - 1)[2];
            }
        } while (updates.size() == BATCH);
        if (changed > 0) {
            log.info("Wrapped {} personal-data keys with the key-encryption key {}", changed, active);
        }
        return changed;
    }

    private static byte[] crypt(int mode, KeyRing.SecretKeyEntry kek, byte[] nonce, String keyId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, kek.key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(("personal-key:" + keyId).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("personal-data key " + keyId + " cannot be unwrapped with the"
                    + " key-encryption key " + kek.id(), e);
        }
    }
}
