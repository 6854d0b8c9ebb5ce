package com.deskledger.infra.timetable;

import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A birthday party through HTTP: it cannot take the room during a class; its deposit is a sale, refunded as one. */
class PartyIT extends IntegrationTest {

    private static final String SUPER = TimetableIT.SUPER;
    private static final String DESK = TimetableIT.DESK;

    @Test
    void aBirthdayPartyCannotTakeTheRoomDuringAClassAndItsDepositIsASaleRefundedAsOne() {
        String room = http.post(SUPER, "/api/timetable/rooms", "{\"name\":\"Party room " + UUID.randomUUID()
                .toString().substring(0, 8) + "\",\"kind\":\"PARTY_ROOM\",\"capacity\":20}").json().get("id").asText();
        LocalDate day = LocalDate.now(TimetableIT.ZONE).plusDays(3);
        Instant classStart = day.atTime(15, 0).atZone(TimetableIT.ZONE).toInstant();
        assertThat(http.post(SUPER, "/api/timetable/sessions", "{\"kind\":\"CLASS\",\"title\":\"Art\",\"room\":\""
                + room + "\",\"start\":\"" + classStart + "\",\"end\":\"" + classStart.plusSeconds(3600)
                + "\",\"places\":10,\"credits\":1}").status()).isEqualTo(201);
        String guardian = http.post(DESK, "/api/members", "{\"kind\":\"ADULT\",\"name\":\"Party "
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"phone\":\"1370000" + (1000
                + (int) (Math.random() * 8999)) + "\"}").json().get("id").asText();

        long before = eventCount();
        Http.Response clash = party(room, guardian, classStart.plusSeconds(1800), 50_000);
        assertThat(clash.status()).as(clash.text()).isEqualTo(409);
        assertThat(clash.json().get("code").asText()).isEqualTo("ROOM_DOUBLE_BOOKED");
        Http.Response tooMuch = party(room, guardian, classStart.plusSeconds(3600), 300_000);
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.json().get("code").asText()).isEqualTo("PARTY_DEPOSIT_ABOVE_PRICE");
        Http.Response fraction = http.post(DESK, "/api/timetable/parties", partyBody(room, guardian,
                classStart.plusSeconds(3600), 0).replace("\"minor\":0", "\"minor\":100.5"));
        assertThat(fraction.status()).isEqualTo(400);
        assertThat(fraction.text()).contains("deposit.minor");
        assertThat(eventCount()).isEqualTo(before);

        Http.Response booked = party(room, guardian, classStart.plusSeconds(3600), 50_000);
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        String purchase = booked.json().get("depositPurchaseId").asText();
        List<String> types = jdbc.queryForList("select payloadtype from domainevententry where aggregateidentifier "
                + "= ? order by sequencenumber", String.class, guardian);
        assertThat(types.get(types.size() - 1)).endsWith("ProductsSoldEvent");

        Http.Response refund = http.post(DESK, "/api/members/" + guardian + "/refunds", "{\"purchaseId\":\""
                + purchase + "\"}");
        assertThat(refund.status()).as(refund.text()).isBetween(200, 201);
        assertThat(refund.json().get("status").asText()).isEqualTo("REFUNDED");
        String party = booked.json().get("id").asText();
        assertThat(http.post(SUPER, "/api/timetable/sessions/" + party + "/cancellation", null).status())
                .isEqualTo(200);
        assertThat(party(room, guardian, classStart.plusSeconds(3600), 0).status()).isEqualTo(201);
    }

    private Http.Response party(String room, String guardian, Instant start, long deposit) {
        return http.post(DESK, "/api/timetable/parties", partyBody(room, guardian, start, deposit));
    }

    private static String partyBody(String room, String guardian, Instant start, long deposit) {
        return "{\"room\":\"" + room + "\",\"start\":\"" + start + "\",\"end\":\"" + start.plusSeconds(7200)
                + "\",\"guardian\":\"" + guardian + "\",\"children\":12,\"packageName\":\"Pirate party\","
                + "\"price\":{\"minor\":200000},\"deposit\":{\"minor\":" + deposit + "},\"paymentMethod\":\"WECHAT_PAY\"}";
    }
}
