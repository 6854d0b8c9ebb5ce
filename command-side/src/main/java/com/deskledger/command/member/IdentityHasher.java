package com.deskledger.command.member;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Keyed hashes (HMAC-SHA256) of normalized identities, so the no-duplicates lookup never holds a personal value.
 * The key is {@code deskledger.members.identity-secret} when set, otherwise the random secret the database was
 * created with (table {@code member_identity_secret}).
 */
@Component
class IdentityHasher {

    private static final String ALGORITHM = "HmacSHA256";

    private final JdbcTemplate jdbc;
    private final String configured;
    private volatile SecretKeySpec key;

    IdentityHasher(JdbcTemplate jdbc, @Value("${deskledger.members.identity-secret:}") String configured) {
        this.jdbc = jdbc;
        this.configured = configured;
    }

    String hash(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key());
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec known = key;
        if (known == null) {
            byte[] secret = configured.isBlank()
                    ? jdbc.queryForObject("select secret from member_identity_secret where id = 1", byte[].class)
                    : configured.getBytes(StandardCharsets.UTF_8);
            known = new SecretKeySpec(secret, ALGORITHM);
            key = known;
        }
        return known;
    }
}
