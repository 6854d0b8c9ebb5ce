package com.deskledger.infra.notice;

import com.deskledger.infra.support.CommitFailure;
import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import com.deskledger.kernel.member.command.CheckInCommand;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static com.deskledger.infra.notice.NoticeDesk.DESK;
import static com.deskledger.infra.notice.NoticeDesk.MANAGER;
import static com.deskledger.infra.notice.NoticeDesk.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notice outbox through HTTP on real PostgreSQL, with no broker configured (the default): notices are written
 * with their cause, only with the guardian's consent, roll back with their command, and wait in the outbox where the
 * manager sees them as not sent.
 */
class NoticeOutboxIT extends IntegrationTest {

    @Autowired
    CommitFailure failures;

    @Autowired
    PackageExpiryScan expiryScan;

    private NoticeDesk desk;
    private final Instant classStart = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MINUTES);

    @BeforeEach
    void desk() {
        desk = new NoticeDesk(http);
    }

    @Test
    void aConsentingMembersCheckInWritesOneNoticeThatWaitsAsNotSent() {
        String member = desk.enrolChild("Notice Child One");
        desk.consent(member, "SMS", NoticeDesk.PHONE);
        desk.buyPack(member, 10);
        assertThat(desk.checkIn(member, "phonics-n1", classStart).status()).isEqualTo(200);

        List<Map<String, Object>> rows = rows(member);
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        String checkInEvent = jdbc.queryForObject("""
                select eventidentifier from domainevententry
                where aggregateidentifier = ? and payloadtype like '%ClassCheckedInEvent'""", String.class, member);
        assertThat(row).containsEntry("idempotency_key", checkInEvent + ":CHILD_CHECKED_IN")
                .containsEntry("kind", "CHILD_CHECKED_IN").containsEntry("status", "PENDING")
                .containsEntry("centre", NoticeDesk.CENTRE).containsEntry("channel", "SMS")
                .containsEntry("cause_event_id", checkInEvent);
        // content: a template's values, nothing personal; the address is sealed at rest
        assertThat((String) row.get("params")).contains("phonics-n1").contains(classStart.toString())
                .doesNotContain("Notice Child").doesNotContain("Guardian");
        assertThat((String) row.get("recipient")).isNotBlank().doesNotContain(NoticeDesk.PHONE);

        JsonNode list = http.get(MANAGER, "/api/notices?centre=mem-flow&status=PENDING&limit=500").json();
        assertThat(list.get("brokerEnabled").asBoolean()).isFalse();
        assertThat(list.get("counts").get("pending").asLong()).isPositive();
        JsonNode listed = find(list, member);
        assertThat(listed.get("kind").asText()).isEqualTo("CHILD_CHECKED_IN");
        assertThat(listed.get("template").asText()).isEqualTo("notice.child-checked-in");
        assertThat(listed.get("status").asText()).isEqualTo("PENDING");
        assertThat(list.toString()).doesNotContain(NoticeDesk.PHONE);

        String metrics = http.get("scraper", "/actuator/prometheus").text();
        assertThat(metrics).containsPattern("deskledger_notices\\{[^}]*status=\"PENDING\"[^}]*} [1-9]");
    }

    @Test
    void creditsRunningLowAreTold() {
        String member = desk.enrolChild("Notice Child Credits");
        desk.consent(member, "WECHAT", "wx-guardian-credits");
        desk.buyPack(member, 3);
        desk.checkIn(member, "phonics-n2", classStart);
        assertThat(rows(member)).extracting(r -> r.get("kind"))
                .containsExactlyInAnyOrder("CHILD_CHECKED_IN", "CREDITS_LOW");
        assertThat(rows(member)).filteredOn(r -> r.get("kind").equals("CREDITS_LOW"))
                .singleElement().satisfies(r -> assertThat((String) r.get("params")).contains("\"creditsLeft\":\"2\""));
    }

    @Test
    void noConsentNoNotice() {
        String never = desk.enrolChild("Notice Child Never");
        desk.buyPack(never, 3);
        assertThat(desk.checkIn(never, "phonics-n3", classStart).status()).isEqualTo(200);
        assertThat(rows(never)).isEmpty();

        String withdrawn = desk.enrolChild("Notice Child Withdrawn");
        desk.consent(withdrawn, "SMS", NoticeDesk.PHONE);
        desk.withdraw(withdrawn);
        desk.buyPack(withdrawn, 3);
        assertThat(desk.checkIn(withdrawn, "phonics-n3", classStart).status()).isEqualTo(200);
        assertThat(rows(withdrawn)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from notice_recipient where member_id = ?", Long.class,
                withdrawn)).isZero();
    }

    @Test
    void aRolledBackCommandLeavesNoNotice() {
        String member = desk.enrolChild("Notice Child Rolled Back");
        desk.consent(member, "SMS", NoticeDesk.PHONE);
        desk.buyPack(member, 10);
        long events = eventCount(member);
        CommitFailure.Armed failure = failures.next(
                command -> command instanceof CheckInCommand checkIn && checkIn.memberId().value().equals(member),
                () -> rows(member).size());
        Http.Response refused = desk.checkIn(member, "phonics-n4", classStart);
        assertThat(refused.status()).as(refused.text()).isGreaterThanOrEqualTo(500);
        assertThat(failure.seen()).as("the row written inside the command's transaction").isEqualTo(1);
        assertThat(rows(member)).isEmpty();
        assertThat(eventCount(member)).isEqualTo(events);
    }

    @Test
    void erasureFailsTheNoticesNotSentAndForgetsTheAddress() {
        String member = desk.enrolChild("Notice Child Erased");
        desk.consent(member, "SMS", NoticeDesk.PHONE);
        desk.buyPack(member, 10);
        desk.checkIn(member, "phonics-n5", classStart);
        assertThat(http.post(MANAGER, "/api/members/" + member + "/erasure", "").status()).isEqualTo(200);
        assertThat(rows(member)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("status", "FAILED").containsEntry("last_error", "MEMBER_ERASED")
                .containsEntry("recipient", null));
        assertThat(jdbc.queryForObject("select count(*) from notice_recipient where member_id = ?", Long.class,
                member)).isZero();
        Http.Response refused = http.post(DESK, "/api/members/" + member + "/notice-consent",
                json("consented", true, "channel", "SMS", "address", NoticeDesk.PHONE));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asText()).isEqualTo("MEMBER_ERASED");
    }

    @Test
    void aMembershipEndingSoonIsToldOncePerEnd() {
        String member = desk.enrolChild("Notice Child Expiring");
        desk.consent(member, "EMAIL", "guardian@example.com");
        desk.buyMembership(member, 3);
        String quiet = desk.enrolChild("Notice Child Long Membership");
        desk.consent(quiet, "EMAIL", "other@example.com");
        desk.buyMembership(quiet, 60);
        expiryScan.scan();
        expiryScan.scan();
        assertThat(rows(member)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("kind", "PACKAGE_EXPIRING").containsEntry("status", "PENDING")
                .containsEntry("cause_event_id", null));
        assertThat(rows(quiet)).isEmpty();
    }

    @Test
    void theTimelineShowsConsentAndItsWithdrawalWithoutTheAddress() {
        String member = desk.enrolChild("Notice Child Timeline");
        desk.consent(member, "WECHAT", "wx-timeline-guardian");
        long position = desk.expect(200, "/api/members/" + member + "/notice-consent", json("consented", false))
                .get("position").asLong();
        Http.Response response = http.get(DESK, "/api/views/members/" + member + "/timeline?position=" + position);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-DeskLedger-Consistent")).isEqualTo("true");
        List<String> kinds = new java.util.ArrayList<>();
        response.json().get("items").forEach(item -> kinds.add(item.get("kind").asText()));
        assertThat(kinds).containsSubsequence("NOTICES_WITHDRAWN", "NOTICES_CONSENTED");
        assertThat(response.text()).contains("WECHAT").doesNotContain("wx-timeline-guardian");
    }

    @Test
    void consentIsRefusedWhenMalformedOrForAnUnknownMember() {
        String member = desk.enrolChild("Notice Child Bad Input");
        assertProblem(http.post(DESK, "/api/members/" + member + "/notice-consent", json("channel", "SMS",
                "address", NoticeDesk.PHONE)), 400, "consented");
        assertProblem(http.post(DESK, "/api/members/" + member + "/notice-consent", json("consented", true,
                "channel", "PIGEON", "address", NoticeDesk.PHONE)), 400, "channel");
        assertProblem(http.post(DESK, "/api/members/" + member + "/notice-consent", json("consented", true,
                "channel", "SMS")), 400, "address");
        assertProblem(http.post(DESK, "/api/members/" + member + "/notice-consent", json("consented", true,
                "channel", "SMS", "address", "x".repeat(201))), 400, "address");
        assertProblem(http.post(DESK, "/api/members/" + member + "/notice-consent", json("consented", false)), 400,
                null);
        assertThat(http.post(DESK, "/api/members/3f7c2a10-0000-4000-8000-00000000dead/notice-consent",
                json("consented", true, "channel", "SMS", "address", NoticeDesk.PHONE)).status()).isEqualTo(404);
        assertThat(http.post("reception-east", "/api/members/" + member + "/notice-consent",
                json("consented", true, "channel", "SMS", "address", NoticeDesk.PHONE)).status()).isEqualTo(403);
        assertThat(eventCount(member)).isEqualTo(1);
    }

    @Test
    void onlyManagersAndOperationsOfTheCentreSeeTheNotices() {
        assertThat(http.get(DESK, "/api/notices?centre=mem-flow").status()).isEqualTo(403);
        assertThat(http.get("mem-audit", "/api/notices?centre=mem-flow").status()).isEqualTo(403);
        assertThat(http.get("manager", "/api/notices?centre=mem-flow").status()).isEqualTo(403);
        assertThat(http.get(null, "/api/notices?centre=mem-flow").status()).isEqualTo(401);
        assertThat(http.get(MANAGER, "/api/notices?centre=mem-flow&status=LOST").status()).isEqualTo(400);
        assertThat(http.get(MANAGER, "/api/notices?centre=mem-flow&limit=0").status()).isEqualTo(400);
        assertThat(http.get(MANAGER, "/api/notices?centre=mem-flow").status()).isEqualTo(200);
    }

    private void assertProblem(Http.Response response, int status, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.text()).contains(field);
        }
    }

    private List<Map<String, Object>> rows(String member) {
        return jdbc.queryForList("select * from notice_outbox where member_id = ? order by id", member);
    }

    private static JsonNode find(JsonNode list, String member) {
        for (JsonNode row : list.get("notices")) {
            if (row.get("memberId").asText().equals(member)) {
                return row;
            }
        }
        throw new AssertionError("member's notice not listed: " + member);
    }
}
