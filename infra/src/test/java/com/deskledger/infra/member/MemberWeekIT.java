package com.deskledger.infra.member;

import com.deskledger.infra.support.IntegrationTest;
import com.deskledger.infra.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.deskledger.infra.member.MemberDesk.json;
import static com.deskledger.infra.member.MemberDesk.money;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scripted week of centre {@code mem-week} (Shanghai time, the week of Monday 9 March 2026), driven through HTTP,
 * and every figure of the sales and attendance views checked against the value worked out by hand below.
 *
 * <pre>
 * before the week  Mon 2 Mar   A (child) enrolled, buys "10 classes" 1,990.00 by WeChat Pay
 *                              B (adult) enrolled, buys "March unlimited" (1-31 Mar) 1,500.00 by card
 * Mon 9 Mar  09:00  visit V1 walks in; 09:30 C (child) enrolled from V1; 09:40 C buys "10 classes" 1,990.00 Alipay
 *            10:00  visit V2 walks in (no enrolment)
 *            16:00  phonics-a: A, C, B check in                                      credits: A 9, C 9
 * Tue 10 Mar 09:00  A asks leave for Wednesday's phonics-a (31 h ahead: in time)
 *            11:00  A renews (manager): "20 classes" 3,800.00 cash
 *            12:00  C buys 2 x TOY-DINO at 88.00 and 1 x MUG at 35.00, cash (211.00)
 * Wed 11 Mar 10:00  C asks leave for today's 16:00 phonics-a (6 h ahead: late, a credit) credits: C 8
 *            11:00  C gives one TOY-DINO back (next day: no reason needed), 88.00
 *            16:00  phonics-a: A on leave, C late leave, B no-show (membership: no credit)
 * Thu 12 Mar 10:00  reading-b: A, C, B check in                                      credits: A 8, C 7
 * Fri 13 Mar 11:00  A asks 500.00 back for the first pack (11 days on: waits for a manager); 15:00 approved,
 *                   the pack's 8 unused credits are taken back
 * Sat 14 Mar 10:00  reading-b: C no-show (a credit)                                  credits: C 6
 *
 * sales, week   gross 1,990.00 + 3,800.00 + 176.00 + 35.00 = 6,001.00; refunds 88.00 + 500.00 = 588.00;
 *               net 5,413.00; packages 5,790.00, products 211.00; 3 purchases, 2 refunds; 1 renewal;
 *               members with a package before the week: A, B; renewed: A: rate 1/2;
 *               visits 2, converted 1: rate 1/2; enrolments 1 (C)
 * outstanding   A "20 classes" 20 left: 3,800.00; C 6 of 10 left: 1,990.00 x 6 / 10 = 1,194.00;
 *               26 credits worth 4,994.00
 * attendance    Mon 3 of 3; Wed 0 of 3 (1 leave, 1 late leave, 1 no-show); Thu 3 of 3; Sat 0 of 1;
 *               week: 6 checked in of 10 settled = 0.6, 6 credits consumed (A 2, C 4)
 * </pre>
 */
class MemberWeekIT extends IntegrationTest {

    private static final String CENTRE = "mem-week";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String WEEK = "centre=" + CENTRE + "&from=2026-03-09&to=2026-03-15";

    private static final Instant PHONICS_WED = at("2026-03-11T16:00");
    private static final Instant READING_SAT = at("2026-03-14T10:00");

    @AfterEach
    void unpin() {
        TestClock.unpin();
    }

    @Test
    void theWeeksFiguresAreExactlyWhatWasDoneAtTheDesk() {
        MemberDesk desk = new MemberDesk(http, "mem-desk");
        MemberDesk manager = desk.as("mem-manager");

        pin("2026-03-02T10:00");
        String a = desk.enrolChild(CENTRE, "Li Anna", "Li Na", "13600000001", null);
        String aFirstPack = desk.buyPack(a, 10, 199_000, "WECHAT_PAY");
        pin("2026-03-02T10:10");
        String b = desk.created("/api/members", json("centre", CENTRE, "kind", "ADULT", "name", "Wang Bo",
                "phone", "13600000002")).get("id").asText();
        desk.buyMembership(b, "March unlimited", "2026-03-01", 31, 150_000);

        pin("2026-03-09T09:00");
        String v1 = desk.visit(CENTRE, at("2026-03-09T09:00"));
        pin("2026-03-09T09:30");
        String c = desk.enrolChild(CENTRE, "Zhou Cai", "Zhou Min", "13600000003", v1);
        pin("2026-03-09T09:40");
        desk.buyPack(c, 10, 199_000, "ALIPAY");
        pin("2026-03-09T10:00");
        desk.visit(CENTRE, at("2026-03-09T10:00"));

        Instant phonicsMon = at("2026-03-09T16:00");
        pin("2026-03-09T15:50");
        assertThat(desk.checkIn(a, "phonics-a", phonicsMon).get("creditsLeft").asInt()).isEqualTo(9);
        assertThat(desk.checkIn(c, "phonics-a", phonicsMon).get("creditsLeft").asInt()).isEqualTo(9);
        assertThat(desk.checkIn(b, "phonics-a", phonicsMon).has("creditsLeft")).as("membership: no credits").isFalse();

        pin("2026-03-10T09:00");
        assertThat(desk.leave(a, "phonics-a", PHONICS_WED).get("status").asText()).isEqualTo("ON_LEAVE");
        pin("2026-03-10T11:00");
        JsonNode renewal = manager.created("/api/members/" + a + "/packages", json("plan", "20 classes", "kind",
                "CREDIT_PACK", "credits", 20, "price", money(380_000), "paymentMethod", "CASH"));
        assertThat(renewal.get("renewal").asBoolean()).isTrue();
        pin("2026-03-10T12:00");
        String toys = desk.created("/api/members/" + c + "/sales", json("lines", List.of(
                line("TOY-DINO", "TOY", 2, 8_800), line("MUG", "MERCHANDISE", 1, 3_500)),
                "paymentMethod", "CASH", "invoiceNumber", "INV-310")).get("purchaseId").asText();

        pin("2026-03-11T10:00");
        assertThat(desk.leave(c, "phonics-a", PHONICS_WED).get("status").asText()).isEqualTo("LATE_LEAVE");
        pin("2026-03-11T11:00");
        JsonNode toyBack = desk.created("/api/members/" + c + "/refunds", json("purchaseId", toys,
                "lines", List.of(Map.of("line", 1, "quantity", 1))));
        assertThat(toyBack.get("status").asText()).isEqualTo("REFUNDED");
        pin("2026-03-11T18:00");
        desk.noShow(b, "phonics-a", PHONICS_WED);

        Instant readingThu = at("2026-03-12T10:00");
        pin("2026-03-12T09:50");
        assertThat(desk.checkIn(a, "reading-b", readingThu).get("creditsLeft").asInt()).isEqualTo(8);
        assertThat(desk.checkIn(c, "reading-b", readingThu).get("creditsLeft").asInt()).isEqualTo(7);
        desk.checkIn(b, "reading-b", readingThu);

        pin("2026-03-13T11:00");
        JsonNode lateRefund = desk.refundAmount(a, aFirstPack, 50_000, "moving to another city");
        assertThat(lateRefund.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        String refundId = lateRefund.get("refundId").asText();
        JsonNode pending = desk.view("/api/views/sales/pending-refunds?centre=" + CENTRE);
        assertThat(pending.get("total").asLong()).isEqualTo(1);
        assertThat(pending.get("items").get(0).get("amount").get("minor").asLong()).isEqualTo(50_000);
        assertThat(pending.get("items").get(0).get("item").asText()).isEqualTo("10 classes");
        pin("2026-03-13T15:00");
        manager.ok("/api/members/" + a + "/refunds/" + refundId + "/approval", null);
        desk.position = manager.position;

        pin("2026-03-14T12:00");
        desk.noShow(c, "reading-b", READING_SAT);
        TestClock.unpin();

        // ---------------------------------------------------------------- sales
        JsonNode sales = desk.view("/api/views/sales?" + WEEK);
        assertThat(minor(sales, "gross")).isEqualTo(600_100);
        assertThat(minor(sales, "refunds")).isEqualTo(58_800);
        assertThat(minor(sales, "net")).isEqualTo(541_300);
        assertThat(minor(sales, "packageGross")).isEqualTo(579_000);
        assertThat(minor(sales, "productGross")).isEqualTo(21_100);
        assertThat(sales.get("purchases").asLong()).isEqualTo(3);
        assertThat(sales.get("refundCount").asLong()).isEqualTo(2);
        assertThat(sales.get("renewals").asLong()).isEqualTo(1);
        assertThat(sales.get("existingMembers").asLong()).isEqualTo(2);
        assertThat(sales.get("renewedMembers").asLong()).isEqualTo(1);
        assertThat(sales.get("renewalRate").asDouble()).isEqualTo(0.5);
        assertThat(sales.get("visits").asLong()).isEqualTo(2);
        assertThat(sales.get("convertedVisits").asLong()).isEqualTo(1);
        assertThat(sales.get("conversionRate").asDouble()).isEqualTo(0.5);
        assertThat(sales.get("enrolments").asLong()).isEqualTo(1);
        assertThat(sales.get("outstandingCredits").asLong()).isEqualTo(26);
        assertThat(minor(sales, "outstandingValue")).isEqualTo(499_400);
        assertThat(sales.get("pendingRefunds").asLong()).isZero();

        assertThat(revenue(desk, "day")).containsExactly(
                Map.entry("2026-03-09", List.of(199_000L, 0L, 199_000L)),
                Map.entry("2026-03-10", List.of(401_100L, 0L, 401_100L)),
                Map.entry("2026-03-11", List.of(0L, 8_800L, -8_800L)),
                Map.entry("2026-03-13", List.of(0L, 50_000L, -50_000L)));
        assertThat(revenue(desk, "week")).containsExactly(
                Map.entry("2026-03-09", List.of(600_100L, 58_800L, 541_300L)));
        assertThat(revenue(desk, "item")).containsExactly(
                Map.entry("10 classes", List.of(199_000L, 50_000L, 149_000L)),
                Map.entry("20 classes", List.of(380_000L, 0L, 380_000L)),
                Map.entry("MUG", List.of(3_500L, 0L, 3_500L)),
                Map.entry("TOY-DINO", List.of(17_600L, 8_800L, 8_800L)));
        assertThat(revenue(desk, "staff")).containsExactly(
                Map.entry("mem-desk", List.of(220_100L, 58_800L, 161_300L)),
                Map.entry("mem-manager", List.of(380_000L, 0L, 380_000L)));
        assertThat(revenue(desk, "payment-method")).containsExactly(
                Map.entry("ALIPAY", List.of(199_000L, 0L, 199_000L)),
                Map.entry("CASH", List.of(401_100L, 8_800L, 392_300L)),
                Map.entry("WECHAT_PAY", List.of(0L, 50_000L, -50_000L)));
        JsonNode month = desk.view("/api/views/sales/revenue?centre=" + CENTRE
                + "&from=2026-03-01&to=2026-03-31&by=month");
        assertThat(month.get("rows")).hasSize(1);
        assertThat(minor(month.get("rows").get(0), "gross")).isEqualTo(949_100); // + 1,990.00 + 1,500.00 of 2 Mar
        assertThat(minor(month.get("rows").get(0), "refunds")).isEqualTo(58_800);

        // ---------------------------------------------------------------- attendance
        JsonNode days = desk.view("/api/views/attendance/days?" + WEEK);
        JsonNode totals = days.get("totals");
        assertThat(totals.get("checkedIn").asLong()).isEqualTo(6);
        assertThat(totals.get("onLeave").asLong()).isEqualTo(1);
        assertThat(totals.get("lateLeave").asLong()).isEqualTo(1);
        assertThat(totals.get("noShow").asLong()).isEqualTo(2);
        assertThat(totals.get("total").asLong()).isEqualTo(10);
        assertThat(totals.get("rate").asDouble()).isEqualTo(0.6);
        assertThat(totals.get("creditsConsumed").asLong()).isEqualTo(6);
        Map<String, Double> rates = new LinkedHashMap<>();
        days.get("days").forEach(day -> rates.put(day.get("date").asText(), day.get("counts").get("rate").asDouble()));
        assertThat(rates).containsExactly(Map.entry("2026-03-09", 1.0), Map.entry("2026-03-11", 0.0),
                Map.entry("2026-03-12", 1.0), Map.entry("2026-03-14", 0.0));

        JsonNode wednesday = desk.view("/api/views/attendance?centre=" + CENTRE + "&date=2026-03-11");
        assertThat(wednesday.get("sessions")).hasSize(1);
        JsonNode phonics = wednesday.get("sessions").get(0);
        assertThat(phonics.get("classCode").asText()).isEqualTo("phonics-a");
        assertThat(phonics.get("counts").get("onLeave").asLong()).isEqualTo(1);
        assertThat(phonics.get("counts").get("lateLeave").asLong()).isEqualTo(1);
        assertThat(phonics.get("counts").get("noShow").asLong()).isEqualTo(1);
        assertThat(phonics.get("counts").get("rate").asDouble()).isEqualTo(0.0);
        assertThat(phonics.get("counts").get("creditsConsumed").asLong()).isEqualTo(1);
        Map<String, String> statuses = new LinkedHashMap<>();
        phonics.get("members").forEach(m -> statuses.put(m.get("memberId").asText(), m.get("status").asText()));
        assertThat(statuses).containsOnly(Map.entry(a, "ON_LEAVE"), Map.entry(c, "LATE_LEAVE"),
                Map.entry(b, "NO_SHOW"));

        JsonNode cai = desk.view("/api/views/attendance/members/" + c);
        assertThat(cai.get("counts").get("checkedIn").asLong()).isEqualTo(2);
        assertThat(cai.get("counts").get("lateLeave").asLong()).isEqualTo(1);
        assertThat(cai.get("counts").get("noShow").asLong()).isEqualTo(1);
        assertThat(cai.get("counts").get("rate").asDouble()).isEqualTo(0.5);
        assertThat(cai.get("sessions").get(0).get("scheduledStart").asText()).isEqualTo(READING_SAT.toString());
        JsonNode anna = desk.view("/api/views/attendance/members/" + a + "?from=2026-03-09&to=2026-03-15");
        assertThat(anna.get("counts").get("rate").asDouble()).isEqualTo(2.0 / 3);

        // ---------------------------------------------------------------- what is left of each package
        JsonNode annaProfile = desk.view("/api/views/members/" + a);
        assertThat(annaProfile.get("packages").get(0).get("creditsLeft").asInt()).isZero();
        assertThat(minor(annaProfile.get("packages").get(0), "refunded")).isEqualTo(50_000);
        assertThat(annaProfile.get("packages").get(1).get("creditsLeft").asInt()).isEqualTo(20);
        assertThat(annaProfile.get("packages").get(1).get("renewal").asBoolean()).isTrue();
        JsonNode list = desk.view("/api/views/members?centre=" + CENTRE + "&q=zhou");
        assertThat(list.get("total").asLong()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("creditsLeft").asLong()).isEqualTo(6);
        assertThat(desk.view("/api/views/members?centre=" + CENTRE + "&q=13600000002").get("items").get(0)
                .get("memberId").asText()).isEqualTo(b);
    }

    /** Rows of a breakdown over the week: key to [gross, refunds, net] in minor units. */
    private static List<Map.Entry<String, List<Long>>> revenue(MemberDesk desk, String by) {
        JsonNode rows = desk.view("/api/views/sales/revenue?" + WEEK + "&by=" + by).get("rows");
        List<Map.Entry<String, List<Long>>> found = new ArrayList<>();
        rows.forEach(row -> found.add(Map.entry(row.get("key").asText(),
                List.of(minor(row, "gross"), minor(row, "refunds"), minor(row, "net")))));
        return found;
    }

    private static long minor(JsonNode node, String field) {
        return node.get(field).get("minor").asLong();
    }

    private static Map<String, Object> line(String product, String category, int quantity, long unitMinor) {
        return Map.of("productCode", product, "category", category, "quantity", quantity,
                "unitPrice", money(unitMinor));
    }

    /** A Shanghai local time (UTC+8). */
    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    private static void pin(String local) {
        TestClock.pin(at(local));
    }
}
