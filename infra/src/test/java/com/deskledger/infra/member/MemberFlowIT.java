package com.deskledger.infra.member;

import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import com.deskledger.infra.support.TestClock;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.MemberKind;
import com.deskledger.kernel.member.command.EnrolMemberCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.deskledger.infra.member.MemberDesk.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The story as a new user would try it: a visit converts to an enrolment, a 10-class pack is bought, two
 * check-ins and a leave, a toy sold and refunded the next day; the views show it exactly; a check-in without
 * credits is refused and stores nothing. Centre {@code mem-flow}, days of May 2026 no other test uses.
 */
class MemberFlowIT extends IntegrationTest {

    private static final String CENTRE = "mem-flow";
    /** Monday 4 May 2026, 09:00 in Shanghai. */
    private static final Instant MONDAY_9 = Instant.parse("2026-05-04T01:00:00Z");
    private static final Instant TUESDAY_9 = Instant.parse("2026-05-05T01:00:00Z");
    private static final Instant CLASS_A = Instant.parse("2026-05-04T02:00:00Z");
    private static final Instant CLASS_B = Instant.parse("2026-05-05T02:00:00Z");
    private static final Instant CLASS_C = Instant.parse("2026-05-08T02:00:00Z");

    @Autowired
    CommandGateway commands;

    private MemberDesk desk;

    @BeforeEach
    void desk() {
        desk = new MemberDesk(http, "mem-desk");
    }

    @AfterEach
    void unpin() {
        TestClock.unpin();
    }

    @Test
    void aVisitBecomesAMemberWhoBuysTakesClassesAndGetsARefund() {
        TestClock.pin(MONDAY_9);
        String visit = desk.visit(CENTRE, MONDAY_9);
        desk.ok("/api/visits/" + visit + "/registration",
                json("visitorName", "Chen Li", "phone", "13912345678", "needs", "English for a 5-year-old"));
        TestClock.pin(MONDAY_9.plusSeconds(600));
        String member = desk.enrolChild(CENTRE, "Chen Xiaoyu", "Chen Li", "13912345678", visit);
        TestClock.pin(MONDAY_9.plusSeconds(900));
        String pack = desk.buyPack(member, 10, 199_000, "WECHAT_PAY");
        TestClock.pin(CLASS_A.minusSeconds(300));
        assertThat(desk.checkIn(member, "phonics-a", CLASS_A).get("creditsLeft").asInt()).isEqualTo(9);
        TestClock.pin(CLASS_A.plusSeconds(3600));
        String toy = desk.sell(member, "TOY-DINO", "TOY", 1, 8_800, "CASH");

        TestClock.pin(TUESDAY_9);
        JsonNode refund = desk.refundAll(member, toy);
        assertThat(refund.get("status").asText()).isEqualTo("REFUNDED");
        TestClock.pin(CLASS_B.minusSeconds(300));
        assertThat(desk.checkIn(member, "phonics-a", CLASS_B).get("creditsLeft").asInt()).isEqualTo(8);
        TestClock.pin(CLASS_B.plusSeconds(7200));
        assertThat(desk.leave(member, "phonics-a", CLASS_C).get("status").asText()).isEqualTo("ON_LEAVE");

        // sales: 1,990.00 + 88.00 sold, 88.00 given back: net 1,990.00; one visit, converted
        JsonNode sales = desk.view("/api/views/sales?centre=" + CENTRE + "&from=2026-05-04&to=2026-05-05");
        assertThat(sales.get("currency").asText()).isEqualTo("CNY");
        assertThat(sales.get("gross").get("minor").asLong()).isEqualTo(207_800);
        assertThat(sales.get("refunds").get("minor").asLong()).isEqualTo(8_800);
        assertThat(sales.get("net").get("minor").asLong()).isEqualTo(199_000);
        assertThat(sales.get("visits").asLong()).isEqualTo(1);
        assertThat(sales.get("convertedVisits").asLong()).isEqualTo(1);
        assertThat(sales.get("conversionRate").asDouble()).isEqualTo(1.0);
        assertThat(sales.get("enrolments").asLong()).isEqualTo(1);

        // the reception view counts the conversion too (the visit was linked to the new member)
        JsonNode reception = desk.view("/api/views/reception?centre=" + CENTRE + "&date=2026-05-04");
        assertThat(reception.get("conversions").asLong()).isEqualTo(1);

        // attendance: two check-ins and a leave in time: 2 of 3
        JsonNode attendance = desk.view("/api/views/attendance/members/" + member);
        assertThat(attendance.get("counts").get("checkedIn").asLong()).isEqualTo(2);
        assertThat(attendance.get("counts").get("onLeave").asLong()).isEqualTo(1);
        assertThat(attendance.get("counts").get("rate").asDouble()).isEqualTo(2.0 / 3);
        JsonNode monday = desk.view("/api/views/attendance?centre=" + CENTRE + "&date=2026-05-04");
        assertThat(monday.get("sessions")).hasSize(1);
        assertThat(monday.get("sessions").get(0).get("counts").get("checkedIn").asLong()).isEqualTo(1);

        // the timeline has all of it, newest first
        JsonNode timeline = desk.view("/api/views/members/" + member + "/timeline");
        List<String> kinds = new ArrayList<>();
        timeline.get("items").forEach(item -> kinds.add(item.get("kind").asText()));
        assertThat(kinds).containsExactly("LEAVE", "CHECKED_IN", "REFUNDED", "PRODUCTS_SOLD", "CHECKED_IN",
                "PACKAGE_PURCHASED", "ENROLLED", "VISIT");
        assertThat(timeline.get("items").get(2).get("amount").get("minor").asLong()).isEqualTo(8_800);

        JsonNode profile = desk.view("/api/views/members/" + member);
        assertThat(profile.get("name").asText()).isEqualTo("Chen Xiaoyu");
        assertThat(profile.get("packages").get(0).get("purchaseId").asText()).isEqualTo(pack);
        assertThat(profile.get("packages").get(0).get("creditsLeft").asInt()).isEqualTo(8);
    }

    @Test
    void aCheckInWithoutCreditsIsRefusedAndStoresNothing() {
        TestClock.pin(Instant.parse("2026-05-11T01:00:00Z"));
        String member = desk.enrolChild(CENTRE, "Zhao Yun", "Zhao Min", "13700000001", null);
        desk.buyPack(member, 1, 19_900, "CASH");
        desk.checkIn(member, "phonics-b", Instant.parse("2026-05-11T02:00:00Z"));
        long before = eventCount(member);

        Http.Response refused = http.post("mem-desk", "/api/members/" + member + "/check-ins",
                MemberDesk.session("phonics-b", Instant.parse("2026-05-12T02:00:00Z"), null));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asText()).isEqualTo("NO_CREDITS_LEFT");
        assertThat(eventCount(member)).isEqualTo(before);

        Http.Response twice = http.post("mem-desk", "/api/members/" + member + "/check-ins",
                MemberDesk.session("phonics-b", Instant.parse("2026-05-11T02:00:00Z"), null));
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.json().get("code").asText()).isEqualTo("ALREADY_CHECKED_IN");
        assertThat(eventCount(member)).isEqualTo(before);
    }

    @Test
    void theSameChildIsEnrolledOncePerCentre() {
        TestClock.pin(Instant.parse("2026-05-12T01:00:00Z"));
        String first = desk.enrolChild(CENTRE, "Sun Li", "Sun Hua", "13700000002", null);
        long events = eventCount();

        // same name (other spacing and case) and the same phone written with the country code
        Http.Response again = http.post("mem-desk", "/api/members", json("centre", CENTRE, "kind", "CHILD",
                "name", "  sun  LI ", "guardianName", "Sun Hua", "guardianPhone", "+86 137 0000 0002"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("MEMBER_ALREADY_ENROLLED");
        assertThat(again.json().get("detail").asText()).contains(first).doesNotContain("Sun", "13700000002");
        assertThat(eventCount()).isEqualTo(events);

        // another child of the same guardian is another member; the same child in another centre too
        desk.enrolChild(CENTRE, "Sun Mei", "Sun Hua", "13700000002", null);
        desk.enrolChild("mem-snap", "Sun Li", "Sun Hua", "13700000002", null);

        // the lookup holds keyed hashes only
        assertThat(jdbc.queryForObject("select count(*) from member_identity where identity_hash like '%1370000%'"
                + " or name_key ilike '%sun%'", Long.class)).isZero();

        // a contact change that would make one child the other is refused as well
        String other = desk.enrolChild(CENTRE, "Sun Li", "Sun Qiang", "13700000003", null);
        Http.Response clash = http.post("mem-desk", "/api/members/" + other + "/contact",
                json("guardianPhone", "13700000002"));
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.json().get("code").asText()).isEqualTo("MEMBER_ALREADY_ENROLLED");
        desk.ok("/api/members/" + other + "/contact", json("guardianPhone", "13700000004"));
    }

    @Test
    void aDuplicateThatSlipsPastTheCheckBeforeDispatchIsRefusedInTheAppendingTransaction() {
        TestClock.pin(Instant.parse("2026-05-14T01:00:00Z"));
        desk.enrolChild(CENTRE, "Zhou Yi", "Zhou Er", "13700000007", null);
        long events = eventCount();
        MemberId racing = MemberId.random();

        // as if a second desk had passed the check at the same moment: straight onto the command bus
        assertThatThrownBy(() -> commands.sendAndWait(new EnrolMemberCommand(racing, CentreId.of(CENTRE),
                MemberKind.CHILD, "Zhou Yi", null, "Zhou Er", "13700000007", null, null, null, "CNY",
                StaffId.of("mem-desk"), Instant.parse("2026-05-14T01:00:00Z"))))
                .satisfies(thrown -> assertThat(domainCause(thrown).code())
                        .isEqualTo(ErrorCode.MEMBER_ALREADY_ENROLLED));
        assertThat(eventCount()).isEqualTo(events);
        assertThat(eventCount(racing.value())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from personal_key where key_id = ?", Long.class,
                "member:" + racing.value())).isZero();
    }

    private static DomainException domainCause(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                return domain;
            }
        }
        throw new AssertionError("no DomainException in " + thrown);
    }

    @Test
    void enrolmentChecksTheVisitAndTheCentres() {
        TestClock.pin(Instant.parse("2026-05-13T01:00:00Z"));
        String eastVisit = new MemberDesk(http, "reception-east").visit("east", Instant.parse("2026-05-13T01:00:00Z"));
        Http.Response foreignVisit = http.post("mem-manager", "/api/members", json("centre", CENTRE, "kind", "ADULT",
                "name", "Qian Bo", "phone", "13700000005", "visitId", "00000000-0000-4000-8000-000000000000"));
        assertThat(foreignVisit.status()).isEqualTo(404);
        Http.Response eastOnly = http.post("reception-east", "/api/members", json("kind", "ADULT",
                "name", "Qian Bo", "phone", "13700000005", "visitId", eastVisit));
        assertThat(eastOnly.status()).isEqualTo(201);

        String member = desk.enrolChild(CENTRE, "Qian Duo", "Qian Bo", "13700000006", null);
        Http.Response fromEast = http.post("reception-east", "/api/members/" + member + "/freeze", "{}");
        assertThat(fromEast.status()).isEqualTo(403);
        assertThat(http.post("mem-desk", "/api/members/" + eastVisit + "/freeze", "{}").status()).isEqualTo(404);
        assertThat(http.post("mem-audit", "/api/members/" + member + "/freeze", "{}").status()).isEqualTo(403);
        assertThat(http.get("reception-east", "/api/views/members/" + member + "?position=" + desk.position)
                .status()).isEqualTo(403);
        Http.Response erase = http.post("mem-desk", "/api/members/" + member + "/erasure", null);
        assertThat(erase.status()).isEqualTo(403);
        assertThat(erase.json().get("code").asText()).isEqualTo("FORBIDDEN_ROLE");

        Http.Response audit = http.get("mem-audit", "/api/audit/members/" + member + "/events");
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.json().get("events").get(0).get("type").asText()).isEqualTo("MemberEnrolledEvent");
        assertThat(audit.json().get("events").get(0).get("metadata").get("user").asText()).isEqualTo("mem-desk");
        assertThat(audit.json().get("events").get(0).get("payload").toString()).doesNotContain("Qian");
    }
}
