package com.deskledger.query.web;

import com.deskledger.kernel.Actor;
import com.deskledger.kernel.Role;
import com.deskledger.kernel.Sealed;
import com.deskledger.kernel.StaffId;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The one masking rule: who sees personal data, and how a stored payload reads for those who do not. */
class PersonalDataRuleTest {

    record Contact(Sealed name, Sealed phone) {
    }

    record Line(String code, Sealed note) {
    }

    record Payload(String category, Sealed visitorName, Sealed guardianPhone, Sealed idNumber, Sealed email,
                   Sealed comment, Sealed sealedName, Contact customer, List<Line> lines, Sealed missing) {
    }

    @Test
    void deskStaffSeePersonalDataAndIdNumbersOnlyManagers() {
        assertThat(PersonalDataRule.revealsPersonalData(actor(Role.RECEPTIONIST))).isTrue();
        assertThat(PersonalDataRule.revealsPersonalData(actor(Role.AUDITOR))).isFalse();
        assertThat(PersonalDataRule.revealsPersonalData(actor(Role.ADMIN))).isFalse();
        assertThat(PersonalDataRule.revealsIdNumber(actor(Role.MANAGER))).isTrue();
        assertThat(PersonalDataRule.revealsIdNumber(actor(Role.SUPERVISOR))).isFalse();
    }

    @Test
    void plainValuesAreMaskedByTheirKindAndEverythingElseSealedIsWithheld() {
        Payload payload = new Payload("SERVICE", Sealed.of("plain:Li Lei"), Sealed.of("plain:13812345678"),
                Sealed.of("plain:110101201901011234"), Sealed.of("plain:li.lei@example.org"),
                Sealed.of("plain:call Li Lei"), Sealed.of("v1:abcd"),
                new Contact(Sealed.of("plain:Wang Fang"), Sealed.of("v1:efgh")),
                List.of(new Line("T-1", Sealed.of("plain:for Li Lei"))), null);
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("category", "SERVICE");
        stored.put("visitorName", "plain:Li Lei");
        stored.put("guardianPhone", "plain:13812345678");
        stored.put("idNumber", "plain:110101201901011234");
        stored.put("email", "plain:li.lei@example.org");
        stored.put("comment", "plain:call Li Lei");
        stored.put("sealedName", "v1:abcd");
        stored.put("customer", Map.of("name", "plain:Wang Fang", "phone", "v1:efgh"));
        stored.put("lines", List.of(Map.of("code", "T-1", "note", "plain:for Li Lei")));

        Map<String, Object> masked = PersonalDataRule.maskPayload(payload, stored);

        assertThat(masked).containsEntry("category", "SERVICE").containsEntry("visitorName", "L*****")
                .containsEntry("guardianPhone", "138******78").containsEntry("idNumber", "**************1234")
                .containsEntry("email", "l*****@example.org").containsEntry("comment", PersonalDataRule.WITHHELD)
                .containsEntry("sealedName", PersonalDataRule.WITHHELD).doesNotContainKey("missing");
        assertThat(masked.get("customer")).isEqualTo(Map.of("name", "W********", "phone", PersonalDataRule.WITHHELD));
        assertThat(masked.get("lines")).isEqualTo(List.of(Map.of("code", "T-1", "note", PersonalDataRule.WITHHELD)));
        assertThat(masked.toString()).doesNotContain("Li Lei", "13812345678", "Wang Fang", "example.org/");
    }

    private static Actor actor(Role role) {
        return new Actor(StaffId.of("someone"), role.withImplied(), Set.of());
    }
}
