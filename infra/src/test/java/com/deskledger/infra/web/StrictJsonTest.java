package com.deskledger.infra.web;

import com.deskledger.kernel.FreeText;
import com.deskledger.kernel.NotPersonal;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every rule of the strict request reader, one by one, with the field and words the client is given; and the
 * application's own mapper (Axon's serializer) left as lenient as it was.
 */
class StrictJsonTest {

    enum Purpose { CONSULTATION, ENROLMENT }

    record Amount(Long minor, String currency) {
    }

    record Line(String code, Integer quantity) {
    }

    record Body(Purpose purpose, Integer rings, Amount price, List<Line> lines, String name,
                @FreeText String note, Boolean satisfied, boolean flag, Instant at,
                @FreeText @NotPersonal String handOver) {
    }

    private final ObjectMapper shared = Jackson2ObjectMapperBuilder.json().build();
    private final ObjectMapper strict = StrictJson.of(shared);

    @Test
    void aValidBodyIsReadAsSent() throws Exception {
        Body body = strict.readValue("""
                {"purpose":"ENROLMENT","rings":2,"price":{"minor":100,"currency":"CNY"},
                 "lines":[{"code":"t","quantity":1}],"name":"Li Lei","note":"line one\\nline two\\r\\n\\tend",
                 "satisfied":true,"flag":true,"at":"2026-12-07T10:00:00Z"}""", Body.class);
        assertThat(body.price().minor()).isEqualTo(100);
        assertThat(body.note()).isEqualTo("line one\nline two\r\n\tend");
    }

    @Test
    void moneyIsNeverChangedOnTheWayIn() {
        refused("{\"price\":{\"minor\":100.125}}", "price.minor", "a whole number is expected");
        refused("{\"price\":{\"minor\":88.001}}", "price.minor", "a whole number is expected");
        refused("{\"price\":{\"minor\":100.0}}", "price.minor", "a whole number is expected");
        refused("{\"price\":{\"minor\":1e3}}", "price.minor", "a whole number is expected");
        refused("{\"rings\":2.5}", "rings", "a whole number is expected");
        refused("{\"price\":{\"minor\":\"100\"}}", "price.minor", "wrong type");
        refused("{\"price\":{\"minor\":9223372036854775808}}", "price.minor", "number out of range");
        refused("{\"lines\":[{\"code\":\"t\",\"quantity\":1},{\"code\":\"u\",\"quantity\":0.5}]}",
                "lines[1].quantity", "a whole number is expected");
    }

    @Test
    void enumsAreNamesNeverPositionsAndNeverUnknown() {
        refused("{\"purpose\":1}", "purpose", "not one of the allowed values");
        refused("{\"purpose\":\"CARRIER_PIGEON\"}", "purpose", "not one of the allowed values");
        refused("{\"purpose\":\"\"}", "purpose", "not one of the allowed values");
        refused("{\"purpose\":\"enrolment\"}", "purpose", "not one of the allowed values");
    }

    @Test
    void typesAreNotCoerced() {
        refused("{\"name\":123}", "name", "wrong type");
        refused("{\"name\":true}", "name", "wrong type");
        refused("{\"name\":{\"a\":1}}", "name", "wrong type");
        refused("{\"satisfied\":1}", "satisfied", "wrong type");
        refused("{\"satisfied\":\"true\"}", "satisfied", "wrong type");
        refused("{\"price\":\"\"}", "price", "wrong type");
        refused("{\"lines\":{\"code\":\"t\"}}", "lines", "wrong type");
        refused("{\"at\":1}", "at", "wrong type");
        refused("{\"at\":[2026,12,7]}", "at", "wrong type");
        refused("{\"at\":\"yesterday\"}", "at", "invalid value");
    }

    @Test
    void unknownFieldsKeysGivenTwiceAndTrailingContentAreRefused() {
        refused("{\"purpose\":\"ENROLMENT\",\"extra\":1}", "extra", "unknown field");
        refused("{\"price\":{\"minor\":1,\"cents\":2}}", "price.cents", "unknown field");
        refused("{\"purpose\":\"ENROLMENT\",\"purpose\":\"CONSULTATION\"}", "purpose", "given twice");
        refused("{\"price\":{\"minor\":1,\"minor\":2}}", "price.minor", "given twice");
        refused("{\"purpose\":\"ENROLMENT\"} {\"purpose\":\"ENROLMENT\"}", "$",
                "unexpected content after the JSON value");
        refused("{\"purpose\":\"ENROLMENT\"} trailing", "$", "not valid JSON");
        refused("", "$", "a JSON body is required");
        refused("[1,2]", "$[0]", "wrong type");
    }

    @Test
    void deepNestingAndEndlessNumbersAreRefused() {
        String deep = "[".repeat(StrictJson.MAX_DEPTH + 1) + "]".repeat(StrictJson.MAX_DEPTH + 1);
        refused("{\"lines\":" + deep + "}", "lines[0]", "wrong type");
        try {
            strict.readTree(deep);
            fail("accepted " + deep);
        } catch (JsonProcessingException e) {
            assertThat(JsonRefusals.describe(e).get("message"))
                    .isEqualTo("nested too deeply, or a number or text too long");
        }
        // the parser's limits know no field: the body as a whole is named
        refused("{\"rings\":" + "9".repeat(StrictJson.MAX_NUMBER_LENGTH + 1) + "}", "$",
                "nested too deeply, or a number or text too long");
    }

    @Test
    void noTextHoldsNulOrAControlCharacter() {
        refused("{\"name\":\"Li\\u0000Lei\"}", "name", "holds a NUL character");
        refused("{\"note\":\"Li\\u0000Lei\"}", "note", "holds a NUL character");
        refused("{\"name\":\"Li\\nLei\"}", "name", "holds a control character (one line of text expected)");
        refused("{\"name\":\"Li\\tLei\"}", "name", "holds a control character (one line of text expected)");
        refused("{\"note\":\"bell\\u0007\"}", "note",
                "holds a control character (only line breaks and tabs are allowed)");
        refused("{\"note\":\"escape\\u001b[31m\"}", "note",
                "holds a control character (only line breaks and tabs are allowed)");
        refused("{\"note\":\"lone \\r return\"}", "note",
                "holds a control character (only line breaks and tabs are allowed)");
        refused("{\"note\":\"c1 \\u0085\"}", "note",
                "holds a control character (only line breaks and tabs are allowed)");
        refused("{\"name\":\"half \\ud800 pair\"}", "name", "holds half of a surrogate pair");
        refused("{\"lines\":[{\"code\":\"a\\u0000\"}]}", "lines[0].code", "holds a NUL character");
        assertThat(StrictJson.refusal("emoji \ud83d\ude00 and 中文", false)).isNull();
    }

    @Test
    void aTextStoredInPlainRefusesPhoneNumbersAndEmailAddresses() throws Exception {
        String phone = "must not hold a phone number: this text is not sealed, so erasure could not reach it";
        refused("{\"handOver\":\"call Mrs Li on 13812345678\"}", "handOver", phone);
        refused("{\"handOver\":\"call +86 138-1234-5678\"}", "handOver", phone);
        refused("{\"handOver\":\"landline (021) 5555 0101\"}", "handOver", phone);
        refused("{\"handOver\":\"landline 5555010\"}", "handOver", phone);
        refused("{\"handOver\":\"write to li.lei@example.org\"}", "handOver",
                "must not hold an e-mail address: this text is not sealed, so erasure could not reach it");
        Body kept = strict.readValue("{\"handOver\":\"projector in room 201 flickers since 2026-08-03, "
                + "again on 3.8.2026 at 12:31; 555 010 is six digits\",\"note\":\"13812345678\"}", Body.class);
        assertThat(kept.handOver()).contains("room 201");
        assertThat(kept.note()).isEqualTo("13812345678");
    }

    @Test
    void theApplicationsOwnMapperStaysLenientForStoredEvents() throws Exception {
        Body lenient = shared.readValue("{\"rings\":2.5,\"purpose\":1,\"extra\":true}", Body.class);
        assertThat(lenient.rings()).isEqualTo(2);
        assertThat(lenient.purpose()).isEqualTo(Purpose.ENROLMENT);
    }

    private void refused(String json, String field, String message) {
        try {
            strict.readValue(json, Body.class);
            fail("accepted: " + json);
        } catch (JsonProcessingException e) {
            Map<String, String> described = JsonRefusals.describe(e);
            if (field != null) {
                assertThat(described.get("field")).as(json).isEqualTo(field);
            }
            assertThat(described.get("message")).as(json).isEqualTo(message);
        }
    }
}
