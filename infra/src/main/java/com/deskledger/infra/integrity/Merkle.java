package com.deskledger.infra.integrity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Merkle tree of a checkpoint, as in RFC 6962 (Certificate Transparency) §2.1: leaves in the order of their
 * aggregate ids' UTF-8 bytes, a leaf hashed as {@code SHA-256(0x00 || field(id) || length || field(head))}, a node
 * as {@code SHA-256(0x01 || left || right)}, the left subtree holding the largest power of two below the number of
 * leaves; no leaves hash to {@code SHA-256("")}. A root over a tree rather than one hash over a list leaves room for
 * an inclusion proof of one aggregate without handing out the others.
 */
final class Merkle {

    /** One aggregate in a checkpoint: how many of its events lie at or below the index, and the last one's hash. */
    record Leaf(long length, byte[] head) {
        boolean sameAs(Leaf other) {
            return other != null && length == other.length && Arrays.equals(head, other.head);
        }
    }

    /** The order of the leaves: by the bytes of the id, not by any locale's collation (the database's). */
    static final Comparator<String> ORDER = (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
            b.getBytes(StandardCharsets.UTF_8));

    private Merkle() {
    }

    static SortedMap<String, Leaf> leaves() {
        return new TreeMap<>(ORDER);
    }

    static byte[] root(SortedMap<String, Leaf> leaves) {
        if (!ORDER.equals(leaves.comparator())) {
            throw new IllegalArgumentException("leaves must be in Merkle.ORDER");
        }
        List<byte[]> hashes = new ArrayList<>(leaves.size());
        for (Map.Entry<String, Leaf> leaf : leaves.entrySet()) {
            hashes.add(leafHash(leaf.getKey(), leaf.getValue()));
        }
        return hashes.isEmpty() ? Encoding.sha256().digest() : subtree(hashes, 0, hashes.size());
    }

    static byte[] leafHash(String aggregateId, Leaf leaf) {
        MessageDigest sha = Encoding.sha256();
        sha.update((byte) 0);
        Encoding.field(sha::update, Encoding.utf8(aggregateId));
        Encoding.number(sha::update, leaf.length());
        Encoding.field(sha::update, leaf.head());
        return sha.digest();
    }

    private static byte[] subtree(List<byte[]> hashes, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return hashes.get(from);
        }
        int split = Integer.highestOneBit(n - 1);
        MessageDigest sha = Encoding.sha256();
        sha.update((byte) 1);
        sha.update(subtree(hashes, from, from + split));
        sha.update(subtree(hashes, from + split, to));
        return sha.digest();
    }
}
