package com.deskledger.kernel.member;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The rules of a member card's token: 32 random bytes from a {@link SecureRandom}, base64url without padding (43
 * characters), so it holds no personal data and cannot be derived from the member id; stored and looked up only as
 * its SHA-256 hash.
 */
public final class MemberCardTokens {

    /** Exactly the shape {@link #newToken()} produces. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    /** What a kiosk accepts as typed or scanned: a token or a member number (ids and imported numbers). */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private MemberCardTokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean isToken(String code) {
        return code != null && TOKEN.matcher(code).matches();
    }

    /** Whether a kiosk may look the text up at all (length, characters: no control characters, no spaces). */
    public static boolean isAcceptableCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
