package com.deskledger.infra.integrity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * The byte encodings that hashes, MACs and checkpoint leaves are computed over. A field is its length as 4 bytes
 * big-endian (-1 for null) and then its bytes, so that no two different field lists encode alike; a number is 8 bytes
 * big-endian.
 */
final class Encoding {

    private Encoding() {
    }

    static void field(Consumer<byte[]> out, byte[] value) {
        out.accept(ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            out.accept(value);
        }
    }

    static void number(Consumer<byte[]> out, long value) {
        out.accept(ByteBuffer.allocate(8).putLong(value).array());
    }

    static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] value) {
        return value == null ? null : HexFormat.of().formatHex(value);
    }
}
