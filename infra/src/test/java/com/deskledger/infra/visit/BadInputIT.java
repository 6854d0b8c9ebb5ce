package com.deskledger.infra.visit;

import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a clear problem response and stores nothing. */
class BadInputIT extends IntegrationTest {

    @Test
    void missingChannelIs400NamingChannelAndStoresNothing() {
        long before = eventCount();
        Http.Response response = http.post("reception", "/api/visits", "{\"purpose\":\"CONSULTATION\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly("channel");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void unknownEnumValueIs400NamingTheField() {
        Http.Response response = http.post("reception", "/api/visits",
                "{\"channel\":\"CARRIER_PIGEON\",\"purpose\":\"OTHER\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly("channel");
    }

    @Test
    void malformedJsonIs400WithoutDetailsOfTheParser() {
        Http.Response response = http.post("reception", "/api/visits", "{\"channel\":");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text()).doesNotContain("Exception").doesNotContain("at com.");
    }

    @Test
    void aCallWithoutRingsIsRefusedWithItsCodeAndStoresNothing() {
        long before = eventCount();
        Http.Response response = http.post("reception", "/api/visits", "{\"channel\":\"CALL_IN\",\"purpose\":\"OTHER\"}");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("code").asText()).isEqualTo("RINGS_REQUIRED_FOR_CALL");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void unknownCentreIs400NamingCentre() {
        Http.Response response = http.post("flow-desk", "/api/visits",
                "{\"centre\":\"nowhere\",\"channel\":\"WALK_IN\",\"purpose\":\"OTHER\"}");
        assertThat(response.status()).isIn(400, 403);
        Http.Response admin = http.post("manager", "/api/visits",
                "{\"centre\":\"Not A Centre!\",\"channel\":\"WALK_IN\",\"purpose\":\"OTHER\"}");
        assertThat(admin.status()).isEqualTo(400);
        assertThat(admin.json().get("errors").findValuesAsText("field")).containsExactly("centre");
    }

    @Test
    void unknownVisitIs404AndStoresNothing() {
        long before = eventCount();
        Http.Response response = http.post("reception", "/api/visits/" + UUID.randomUUID() + "/end",
                "{\"outcome\":\"RESOLVED\"}");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(http.post("reception", "/api/visits/not-a-uuid/end", "{\"outcome\":\"RESOLVED\"}").status())
                .isEqualTo(404);
        assertThat(http.get("auditor", "/api/audit/visits/" + UUID.randomUUID() + "/events").status())
                .isEqualTo(404);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anIdOfAnotherKindOfRecordIsUnknownToTheVisitApi() {
        String phone = "139" + (10_000_000 + (int) (Math.random() * 89_999_999));
        Http.Response member = http.post("reception", "/api/members",
                "{\"kind\":\"ADULT\",\"name\":\"Zhou Test\",\"phone\":\"" + phone + "\"}");
        assertThat(member.status()).as(member.text()).isEqualTo(201);
        String memberId = member.json().get("id").asText();
        long before = eventCount(memberId);
        Http.Response wrongKind = http.post("reception", "/api/visits/" + memberId + "/end", "{\"outcome\":\"RESOLVED\"}");
        assertThat(wrongKind.status()).isEqualTo(404);
        assertThat(wrongKind.json().get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(eventCount(memberId)).isEqualTo(before);
    }

    @Test
    void brokenRulesAre422WithTheirCodeAndStoreNothing() {
        String walkIn = http.post("reception", "/api/visits", "{\"channel\":\"WALK_IN\",\"purpose\":\"OTHER\"}")
                .json().get("id").asText();
        long before = eventCount(walkIn);

        Http.Response transfer = http.post("reception", "/api/visits/" + walkIn + "/transfer", "{\"to\":\"colleague\"}");
        assertThat(transfer.status()).isEqualTo(422);
        assertThat(transfer.json().get("code").asText()).isEqualTo("NOT_A_CALL");

        assertThat(http.post("reception", "/api/visits/" + walkIn + "/end", "{\"outcome\":\"NO_INTEREST\"}").status())
                .isEqualTo(200);
        Http.Response afterEnd = http.post("reception", "/api/visits/" + walkIn + "/feedback", "{\"score\":4}");
        assertThat(afterEnd.status()).isEqualTo(422);
        assertThat(afterEnd.json().get("code").asText()).isEqualTo("VISIT_ENDED");
        assertThat(eventCount(walkIn)).isEqualTo(before + 1);
    }

    @Test
    void feedbackOutOfRangeIs400NamingScore() {
        String id = http.post("reception", "/api/visits", "{\"channel\":\"WALK_IN\",\"purpose\":\"OTHER\"}")
                .json().get("id").asText();
        Http.Response response = http.post("reception", "/api/visits/" + id + "/feedback", "{\"score\":9}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly("score");
        assertThat(eventCount(id)).isEqualTo(1);
    }

    @Test
    void badPagingIs400() {
        Http.Response response = http.get("reception", "/api/views/reception/visits?size=100000");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly("size");
        assertThat(http.get("reception", "/api/views/reception?date=yesterday").status()).isEqualTo(400);
    }
}
