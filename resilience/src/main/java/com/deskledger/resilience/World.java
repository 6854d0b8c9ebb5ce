package com.deskledger.resilience;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the clients of one experiment share: the members and complaints every client works on (so that commands
 * on one aggregate race each other, on one node and across two), the purchases that can still be refunded, and
 * counters that keep names, phones and class sessions unique.
 */
final class World {

    static final ZoneId CENTRE_ZONE = ZoneId.of("Asia/Shanghai");
    /** A centre's timetable: these classes every day, on the hour from 09:00 (centre time). */
    private static final String[] CLASSES = {"PHONICS-A", "PHONICS-B", "READING-1", "READING-2", "ART-KIDS",
        "MUSIC-1", "DRAMA", "MATHS-FUN", "SCIENCE-LAB", "ENGLISH-TALK", "LEGO", "BALLET"};

    final List<String> sharedMembers = new ArrayList<>();
    final List<String> sharedComplaints = new ArrayList<>();
    private final Map<String, ConcurrentLinkedDeque<String>> sales = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> checkIns = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> leaves = new ConcurrentHashMap<>();
    private final AtomicLong unique;
    private final LocalDate today = LocalDate.now(CENTRE_ZONE);

    World(long seed) {
        this.unique = new AtomicLong(seed);
    }

    long next() {
        return unique.incrementAndGet();
    }

    /** A phone number no other member of the run has (the no-duplicate-members rule keys on it). */
    String phone(long n) {
        return "139" + String.format("%08d", n % 100_000_000);
    }

    void sold(String member, String purchaseId) {
        sales.computeIfAbsent(member, m -> new ConcurrentLinkedDeque<>()).add(purchaseId);
    }

    /** A sale of the member to refund, taken off the list (two clients may still race for it on the server). */
    String saleToRefund(String member) {
        ConcurrentLinkedDeque<String> list = sales.get(member);
        return list == null ? null : list.pollFirst();
    }

    /**
     * The member's next class session to check in to: the k-th check-in of a member goes to class (m + k) mod 12 on
     * day k / 12 from today (centre time), so no member is sent to one session twice by the harness itself.
     */
    String checkInBody(String member) {
        long k = checkIns.computeIfAbsent(member, m -> new AtomicLong()).getAndIncrement();
        return sessionBody(member, k, 0, "");
    }

    /** A leave in time (two days ahead or more) from a class of its own, so it never meets a check-in. */
    String leaveBody(String member) {
        long k = leaves.computeIfAbsent(member, m -> new AtomicLong()).getAndIncrement();
        return sessionBody(member, k, 2, "LEAVE-").replace("}", ",\"reason\":\"family trip\"}");
    }

    private String sessionBody(String member, long k, int fromDay, String prefix) {
        int slot = (int) ((Math.floorMod(member.hashCode(), CLASSES.length) + k) % CLASSES.length);
        Instant start = today.plusDays(fromDay + k / CLASSES.length).atTime(9 + slot, 0).atZone(CENTRE_ZONE)
                .toInstant();
        return "{\"classCode\":\"" + prefix + CLASSES[slot] + "\",\"scheduledStart\":\"" + start
                + "\",\"room\":\"Room " + (1 + slot % 4) + "\"}";
    }
}
