package com.deskledger.infra.member;

import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.PersonalDataVault;
import com.deskledger.kernel.member.Sealed;
import org.springframework.jdbc.core.JdbcTemplate;
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
import java.util.List;
import java.util.Optional;

/**
 * AES-256-GCM with one random key per member in {@code member_key}, a table outside the event store that no
 * projection reset touches. A sealed value is {@code v1:} and the Base64 of a fresh 12-byte nonce followed by the
 * ciphertext and tag; the member id is authenticated with it, so a value cannot be moved to another member.
 * Keys are read from the database on every use and never cached, so a destroyed key is gone on every node at once.
 */
@Component
class JdbcPersonalDataVault implements PersonalDataVault {

    private static final String PREFIX = "v1:";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    JdbcPersonalDataVault(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Sealed seal(MemberId member, String plaintext) {
        if (plaintext == null || plaintext.isBlank()) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, keyCreatingIfMissing(member), nonce, member,
                plaintext.strip().getBytes(StandardCharsets.UTF_8));
        return Sealed.of(PREFIX + Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array()));
    }

    @Override
    public Optional<String> open(MemberId member, Sealed sealed) {
        if (sealed == null) {
            return Optional.empty();
        }
        Optional<byte[]> key = key(member);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        if (!sealed.value().startsWith(PREFIX)) {
            throw new IllegalStateException("unknown sealed format");
        }
        byte[] data = Base64.getDecoder().decode(sealed.value().substring(PREFIX.length()));
        byte[] nonce = new byte[NONCE_BYTES];
        System.arraycopy(data, 0, nonce, 0, NONCE_BYTES);
        byte[] ciphertext = new byte[data.length - NONCE_BYTES];
        System.arraycopy(data, NONCE_BYTES, ciphertext, 0, ciphertext.length);
        return Optional.of(new String(crypt(Cipher.DECRYPT_MODE, key.get(), nonce, member, ciphertext),
                StandardCharsets.UTF_8));
    }

    @Override
    public void destroy(MemberId member) {
        jdbc.update("delete from member_key where member_id = ?", member.value());
    }

    private byte[] keyCreatingIfMissing(MemberId member) {
        Optional<byte[]> known = key(member);
        if (known.isPresent()) {
            return known.get();
        }
        byte[] fresh = new byte[KEY_BYTES];
        random.nextBytes(fresh);
        jdbc.update("insert into member_key (member_id, secret, created_at) values (?, ?, ?) on conflict do nothing",
                member.value(), fresh, Timestamp.from(clock.instant()));
        return key(member).orElseThrow(() -> new IllegalStateException("member key could not be stored"));
    }

    private Optional<byte[]> key(MemberId member) {
        List<byte[]> found = jdbc.queryForList("select secret from member_key where member_id = ?", byte[].class,
                member.value());
        return found.stream().findFirst();
    }

    private static byte[] crypt(int mode, byte[] key, byte[] nonce, MemberId member, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(member.value().getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealed value cannot be processed", e);
        }
    }
}
