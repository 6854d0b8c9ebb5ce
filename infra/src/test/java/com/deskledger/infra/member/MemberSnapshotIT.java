package com.deskledger.infra.member;

import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.ClassSession;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.command.CheckInCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member with a long history: 1,500 check-ins through the command bus, then more through HTTP. Snapshots are
 * taken (off the request thread, so the test waits for one to appear), the aggregate is loaded from the latest
 * one, and its state is still right: the credits count on and an early session is still refused a second time.
 */
class MemberSnapshotIT extends IntegrationTest {

    private static final int CHECK_INS = 1_500;
    /** An hourly class for the last 1,500 hours (about two months): more than the attendance window remembers. */
    private static final Instant FIRST_CLASS = Instant.now().truncatedTo(ChronoUnit.HOURS)
            .minus(Duration.ofHours(CHECK_INS + 1));

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;

    @Test
    void aMemberWithThousandsOfEventsLoadsFromASnapshotWithTheRightState() throws Exception {
        MemberDesk desk = new MemberDesk(http, "mem-desk");
        String member = desk.enrolChild("mem-snap", "Long History", "Long Parent", "13800001500", null);
        desk.buyPack(member, 2_000, 2_000_000, "TRANSFER");

        for (int i = 0; i < CHECK_INS; i++) {
            Integer left = commands.sendAndWait(new CheckInCommand(MemberId.of(member), session(i),
                    StaffId.of("mem-desk"), FIRST_CLASS.plus(Duration.ofHours(i))), 30, TimeUnit.SECONDS);
            assertThat(left).isEqualTo(2_000 - i - 1);
        }
        assertThat(eventCount(member)).isEqualTo(2 + CHECK_INS);

        List<Long> snapshots = awaitSnapshots(member);
        assertThat(snapshots).isNotEmpty();
        assertThat(snapshots.get(0)).isGreaterThanOrEqualTo(100);
        byte[] payload = jdbc.queryForObject("""
                select payload from snapshotevententry where aggregateidentifier = ?
                order by sequencenumber desc limit 1""", byte[].class, member);
        String snapshot = new String(payload, StandardCharsets.UTF_8);
        assertThat(snapshot).doesNotContain("Long History", "13800001500");
        // the snapshot keeps only the sessions whose attendance can still change: small, whatever the history
        assertThat(snapshot).doesNotContain(session(0).key());
        assertThat(payload.length).isLessThan(100_000);

        // loading reads the newest snapshot first, then only the events after it
        DomainEventStream stream = eventStore.readEvents(member);
        DomainEventMessage<?> first = stream.next();
        assertThat(first.getPayloadType().getSimpleName()).isEqualTo("MemberAccount");
        assertThat(first.getSequenceNumber()).isGreaterThanOrEqualTo(100);

        // the state rebuilt from it is right: credits go on from 500, a recent session is still taken, an old one
        // can no longer be recorded
        int left = desk.checkIn(member, "snap-class", FIRST_CLASS.plus(Duration.ofHours(CHECK_INS)))
                .get("creditsLeft").asInt();
        assertThat(left).isEqualTo(2_000 - CHECK_INS - 1);
        Http.Response again = http.post("mem-desk", "/api/members/" + member + "/check-ins",
                MemberDesk.session("snap-class", session(CHECK_INS - 2).scheduledStart(), null));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("code").asText()).isEqualTo("ALREADY_CHECKED_IN");
        Http.Response old = http.post("mem-desk", "/api/members/" + member + "/check-ins",
                MemberDesk.session("snap-class", FIRST_CLASS, null));
        assertThat(old.status()).isEqualTo(422);
        assertThat(old.json().get("code").asText()).isEqualTo("ATTENDANCE_WINDOW_CLOSED");
        assertThat(eventCount(member)).isEqualTo(2 + CHECK_INS + 1);
        assertThat(desk.view("/api/views/members/" + member).get("packages").get(0).get("creditsLeft").asInt())
                .isEqualTo(499);
    }

    private static ClassSession session(int i) {
        return new ClassSession("snap-class", FIRST_CLASS.plus(Duration.ofHours(i)), "room 9");
    }

    /** The snapshotter runs on its own thread after the commit: wait (at most a minute) for its rows. */
    private List<Long> awaitSnapshots(String member) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        List<Long> found;
        do {
            found = jdbc.queryForList("""
                    select sequencenumber from snapshotevententry where aggregateidentifier = ?
                    order by sequencenumber desc""", Long.class, member);
            if (!found.isEmpty() || System.nanoTime() > deadline) {
                return found;
            }
            Thread.sleep(100);
        } while (true);
    }
}
