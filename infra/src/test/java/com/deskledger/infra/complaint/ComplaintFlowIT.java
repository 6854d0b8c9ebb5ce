package com.deskledger.infra.complaint;

import com.deskledger.infra.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A complaint's whole story through HTTP on its own centre (cs-flow, default SLA of 4 and 24 business hours):
 * filing with persisted deadlines, triage, assignment by a supervisor only, a supervisor's resolution with
 * compensation over the limit that only a manager may approve, a dissatisfied customer, a second resolution, a
 * satisfied customer, the follow-up call, the view and KPIs, and the audit trail with who did each step. The role
 * rules of major complaints and bad input use another centre (cs-misc), so the story's KPIs are its own.
 */
class ComplaintFlowIT extends ComplaintTestSupport {

    @Test
    void fromFilingToTheCustomersSatisfactionWithEveryStepAudited() {
        // filed at the desk: both SLA deadlines are rows in PostgreSQL, due when the view says
        Http.Response filed = http.post("cs-desk", "/api/complaints", """
                {"centre":"cs-flow","channel":"WALK_IN","category":"STAFF_CONDUCT","severity":"GENERAL",
                 "description":"the receptionist was rude on Saturday",
                 "customer":{"memberId":"m-1001","name":"Zhao Lei","phone":"13912345678"}}""",
                Map.of("X-Correlation-Id", "complaint-flow-1"));
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        String id = filed.json().get("id").asText();
        assertThat(filed.header("Location")).isEqualTo("/api/complaints/" + id);
        assertThat(filed.header("X-DeskLedger-Position")).isEqualTo(filed.json().get("position").asText());

        JsonNode row = view("cs-desk", id, filed.json().get("position").asLong()).get("complaint");
        assertThat(row.get("status").asText()).isEqualTo("OPEN");
        assertThat(row.get("level").asText()).isEqualTo("HANDLER");
        assertThat(row.get("slaState").asText()).isEqualTo("ON_TRACK");
        assertThat(row.get("customerPhone").asText()).isEqualTo("13912345678");
        List<StoredDeadline> deadlines = deadlinesOf(jdbc, id);
        assertThat(deadlines).containsExactlyInAnyOrder(
                new StoredDeadline("complaint-sla-first-response",
                        Instant.parse(row.get("firstResponseDueAt").asText())),
                new StoredDeadline("complaint-sla-resolution", Instant.parse(row.get("resolutionDueAt").asText())));

        // triage answers the customer first: its deadline goes
        ok(http.post("cs-desk", "/api/complaints/" + id + "/triage",
                "{\"nature\":\"service attitude\",\"department\":\"front desk\",\"severity\":\"GENERAL\"}"));
        assertThat(deadlinesOf(jdbc, id)).extracting(StoredDeadline::name)
                .containsExactly("complaint-sla-resolution");

        // only supervisors assign; a refused command stores nothing
        long before = eventCount(id);
        Http.Response refused = http.post("cs-desk", "/api/complaints/" + id + "/assignment",
                "{\"handler\":\"cs-desk\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asText()).isEqualTo("FORBIDDEN_ROLE");
        assertThat(eventCount(id)).isEqualTo(before);
        ok(http.post("cs-super", "/api/complaints/" + id + "/assignment", "{\"handler\":\"cs-desk\"}"));
        ok(http.post("cs-desk", "/api/complaints/" + id + "/notes", "{\"text\":\"CCTV checked with the manager\"}"));

        // a supervisor's resolution with compensation over the CNY 500.00 limit waits for a manager
        Http.Response proposed = http.post("cs-super", "/api/complaints/" + id + "/resolution", """
                {"summary":"apology and refund of the Saturday class",
                 "compensation":{"type":"REFUND","amountMinor":80000,"currency":"CNY"}}""");
        ok(proposed);
        JsonNode waiting = view("cs-desk", id, proposed.json().get("position").asLong()).get("complaint");
        assertThat(waiting.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(waiting.get("approvalRequiredFrom").asText()).isEqualTo("MANAGER");
        assertThat(waiting.get("compensationMinor").asLong()).isEqualTo(80000);

        before = eventCount(id);
        Http.Response early = http.post("cs-desk", "/api/complaints/" + id + "/answer", "{\"satisfied\":true}");
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().get("code").asText()).isEqualTo("RESOLUTION_PENDING_APPROVAL");
        Http.Response supervisorApproval = http.post("cs-super", "/api/complaints/" + id + "/resolution/approval",
                null);
        assertThat(supervisorApproval.status()).isEqualTo(403);
        assertThat(supervisorApproval.json().get("code").asText()).isEqualTo("FORBIDDEN_ROLE");
        assertThat(eventCount(id)).isEqualTo(before);
        ok(http.post("cs-manager", "/api/complaints/" + id + "/resolution/approval", null));
        assertThat(deadlinesOf(jdbc, id)).isEmpty();

        // not satisfied: reopened with a fresh resolution deadline; then satisfied with a second offer
        Http.Response reopened = http.post("cs-desk", "/api/complaints/" + id + "/answer",
                "{\"satisfied\":false,\"comment\":\"wants the receptionist to apologise in person\"}");
        ok(reopened);
        JsonNode afterReopen = view("cs-desk", id, reopened.json().get("position").asLong()).get("complaint");
        assertThat(afterReopen.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(afterReopen.get("reopenCount").asInt()).isEqualTo(1);
        assertThat(deadlinesOf(jdbc, id)).extracting(StoredDeadline::name)
                .containsExactly("complaint-sla-resolution");
        ok(http.post("cs-desk", "/api/complaints/" + id + "/resolution",
                "{\"summary\":\"apology in person by the receptionist\"}"));
        Http.Response closed = http.post("cs-desk", "/api/complaints/" + id + "/answer",
                "{\"satisfied\":true,\"comment\":\"thank you\"}");
        ok(closed);
        Http.Response followUp = http.post("cs-desk", "/api/complaints/" + id + "/follow-up",
                "{\"reached\":true,\"satisfied\":true,\"notes\":\"happy again\"}");
        ok(followUp);
        assertThat(deadlinesOf(jdbc, id)).isEmpty();

        JsonNode detail = view("cs-desk", id, followUp.json().get("position").asLong());
        JsonNode done = detail.get("complaint");
        assertThat(done.get("status").asText()).isEqualTo("CLOSED");
        assertThat(done.get("reopenCount").asInt()).isEqualTo(1);
        assertThat(done.get("followUpDueAt").asText()).isNotBlank();
        assertThat(done.get("followUpDoneAt").asText()).isNotBlank();
        assertThat(done.get("firstResolvedAt").asText())
                .as("a reopen keeps the first resolution time").isEqualTo(afterReopen.get("firstResolvedAt").asText());
        assertThat(detail.get("resolutions")).hasSize(2);
        assertThat(detail.get("resolutions").get(0).get("decision").asText()).isEqualTo("APPROVED");
        assertThat(detail.get("resolutions").get(0).get("decidedBy").asText()).isEqualTo("cs-manager");
        assertThat(types(detail.get("timeline"))).containsExactly("ComplaintFiled", "SlaClockStarted",
                "SlaClockStarted", "ComplaintTriaged", "SlaClockStopped", "ComplaintAssigned", "InvestigationNoteAdded",
                "ResolutionProposed", "ResolutionApproved", "SlaClockStopped", "ComplaintReopened", "SlaClockStarted",
                "ResolutionProposed", "SlaClockStopped", "ComplaintClosed", "FollowUpCallScheduled",
                "FollowUpCallRecorded");
        assertThat(detail.get("timeline").get(8).get("by").asText()).isEqualTo("cs-manager");

        // the KPIs of this centre's day: one complaint, reopened once, closed, one answer in two satisfied
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonNode kpis = ok(http.get("cs-manager", "/api/views/complaints/kpis?centre=cs-flow&from=" + today
                + "&to=" + today)).json();
        JsonNode overall = kpis.get("overall");
        assertThat(overall.get("filed").asLong()).isEqualTo(1);
        assertThat(overall.get("closed").asLong()).isEqualTo(1);
        assertThat(overall.get("open").asLong()).isZero();
        assertThat(overall.get("reopened").asLong()).isEqualTo(1);
        assertThat(overall.get("reopenRate").asDouble()).isEqualTo(1.0);
        assertThat(overall.get("satisfactionRate").asDouble()).isEqualTo(0.5);
        assertThat(overall.get("breached").asLong()).isZero();
        assertThat(overall.get("compensation").get(0).get("currency").asText()).isEqualTo("CNY");
        assertThat(overall.get("compensation").get(0).get("amountMinor").asLong()).isEqualTo(80000);
        assertThat(kpis.get("byDepartment").get(0).get("key").asText()).isEqualTo("front desk");
        assertThat(kpis.get("byHandler").get(0).get("key").asText()).isEqualTo("cs-desk");
        assertThat(kpis.get("byCategory").get(0).get("key").asText()).isEqualTo("STAFF_CONDUCT");
        assertThat(kpis.get("openNow").asLong()).isZero();

        // the auditor sees every step with who did it, and the customer's number masked in the view
        Http.Response audit = http.get("cs-audit", "/api/audit/complaints/" + id + "/events");
        assertThat(audit.status()).isEqualTo(200);
        JsonNode events = audit.json().get("events");
        assertThat(events).hasSize(17);
        assertThat(events.get(0).get("type").asText()).isEqualTo("ComplaintFiledEvent");
        assertThat(events.get(0).get("metadata").get("user").asText()).isEqualTo("cs-desk");
        assertThat(events.get(0).get("metadata").get("centre").asText()).isEqualTo("cs-flow");
        assertThat(events.get(0).get("metadata").get("correlationId").asText()).isEqualTo("complaint-flow-1");
        assertThat(events.get(5).get("metadata").get("user").asText()).isEqualTo("cs-super");
        assertThat(events.get(8).get("type").asText()).isEqualTo("ResolutionApprovedEvent");
        assertThat(events.get(8).get("metadata").get("user").asText()).isEqualTo("cs-manager");
        assertThat(events.get(8).get("metadata").get("roles").asText()).contains("MANAGER");
        assertThat(http.get("cs-audit", "/api/views/complaints/" + id).json().get("complaint")
                .get("customerPhone").asText()).isEqualTo("139******78");

        // nobody else may touch it: auditors send no commands, other centres see nothing
        assertThat(http.post("cs-audit", "/api/complaints/" + id + "/notes", "{\"text\":\"x\"}").status())
                .isEqualTo(403);
        assertThat(http.get("reception-east", "/api/views/complaints/" + id).status()).isEqualTo(403);
        assertThat(http.get("reception-east", "/api/audit/complaints/" + id + "/events").status()).isEqualTo(403);
        Http.Response closedAgain = http.post("cs-desk", "/api/complaints/" + id + "/notes", "{\"text\":\"late\"}");
        assertThat(closedAgain.status()).isEqualTo(422);
        assertThat(closedAgain.json().get("code").asText()).isEqualTo("COMPLAINT_CLOSED");
    }

    @Test
    void aMajorComplaintIsAManagersAndOnlyAManagerMaySettleIt() {
        String id = file("cs-desk", "cs-misc", "MAJOR");
        // the filing's events may reach the view in two batches: wait for its escalation, not only its row
        JsonNode row = awaitValue("the view", () -> http.get("cs-desk", "/api/views/complaints/" + id),
                response -> response.status() == 200
                        && response.json().get("complaint").get("level").asText().equals("MANAGER"))
                .json().get("complaint");
        assertThat(row.get("level").asText()).isEqualTo("MANAGER");

        Http.Response escalate = http.post("cs-manager", "/api/complaints/" + id + "/escalation", null);
        assertThat(escalate.status()).isEqualTo(422);
        assertThat(escalate.json().get("code").asText()).isEqualTo("ESCALATION_AT_TOP_LEVEL");
        Http.Response byReceptionist = http.post("cs-desk", "/api/complaints/" + id + "/escalation", null);
        assertThat(byReceptionist.status()).isEqualTo(403);

        ok(http.post("cs-super", "/api/complaints/" + id + "/resolution", "{\"summary\":\"free term\"}"));
        assertThat(http.post("cs-super", "/api/complaints/" + id + "/resolution/rejection",
                "{\"reason\":\"no\"}").status()).isEqualTo(403);
        ok(http.post("cs-manager", "/api/complaints/" + id + "/resolution/rejection",
                "{\"reason\":\"offer a voucher instead\"}"));
        ok(http.post("cs-manager", "/api/complaints/" + id + "/resolution",
                "{\"summary\":\"voucher\",\"compensation\":{\"type\":\"VOUCHER\",\"amountMinor\":20000,"
                        + "\"currency\":\"CNY\"}}"));
        Http.Response withdrawn = http.post("cs-desk", "/api/complaints/" + id + "/withdrawal",
                "{\"reason\":\"settled with the teacher\"}");
        ok(withdrawn);
        assertThat(view("cs-desk", id, withdrawn.json().get("position").asLong()).get("complaint")
                .get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(deadlinesOf(jdbc, id)).isEmpty();
    }

    @Test
    void refusesBadInputWithProblemsNamingTheField() {
        Http.Response noCustomer = http.post("cs-desk", "/api/complaints", """
                {"centre":"cs-misc","channel":"PHONE","category":"BILLING","severity":"GENERAL",
                 "description":"charged twice","customer":{}}""");
        assertThat(noCustomer.status()).isEqualTo(400);
        assertThat(noCustomer.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(noCustomer.json().get("errors").get(0).get("field").asText()).isEqualTo("customer");
        assertThat(noCustomer.json().get("errors").get(0).get("code").asText()).isEqualTo("CUSTOMER_REQUIRED");

        Http.Response future = http.post("cs-desk", "/api/complaints", """
                {"centre":"cs-misc","channel":"PHONE","category":"BILLING","severity":"GENERAL",
                 "description":"charged twice","customer":{"phone":"123"},"receivedAt":"2999-01-01T00:00:00Z"}""");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("errors").get(0).get("field").asText()).isEqualTo("receivedAt");

        Http.Response badVisit = http.post("cs-desk", "/api/complaints", """
                {"centre":"cs-misc","channel":"PHONE","category":"BILLING","severity":"GENERAL",
                 "description":"charged twice","customer":{"phone":"123"},
                 "visitId":"00000000-0000-0000-0000-000000000000"}""");
        assertThat(badVisit.status()).isEqualTo(400);
        assertThat(badVisit.json().get("errors").get(0).get("field").asText()).isEqualTo("visitId");

        String id = file("cs-desk", "cs-misc", "GENERAL");
        Http.Response money = http.post("cs-desk", "/api/complaints/" + id + "/resolution",
                "{\"summary\":\"refund\",\"compensation\":{\"type\":\"REFUND\",\"amountMinor\":-5,"
                        + "\"currency\":\"CNY\"}}");
        assertThat(money.status()).isEqualTo(400);
        Http.Response dollars = http.post("cs-desk", "/api/complaints/" + id + "/resolution",
                "{\"summary\":\"refund\",\"compensation\":{\"type\":\"REFUND\",\"amountMinor\":500,"
                        + "\"currency\":\"USD\"}}");
        assertThat(dollars.status()).isEqualTo(400);
        assertThat(dollars.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(dollars.json().get("errors").get(0).get("code").asText())
                .isEqualTo("COMPENSATION_CURRENCY_MISMATCH");
        assertThat(http.post("cs-desk", "/api/complaints/not-an-id/notes", "{\"text\":\"x\"}").status())
                .isEqualTo(404);
        assertThat(http.post("cs-desk", "/api/complaints/" + UUID.randomUUID() + "/notes",
                "{\"text\":\"x\"}").status()).isEqualTo(404);
    }

    @Test
    void linksTheVisitTheComplaintCameFrom() {
        String visit = http.post("cs-desk", "/api/visits",
                "{\"centre\":\"cs-misc\",\"channel\":\"WALK_IN\",\"purpose\":\"COMPLAINT\"}").json().get("id").asText();
        Http.Response filed = http.post("cs-desk", "/api/complaints", "{\"centre\":\"cs-misc\",\"channel\":\"WALK_IN\","
                + "\"category\":\"FACILITY\",\"severity\":\"GENERAL\",\"description\":\"cold classroom\","
                + "\"customer\":{\"phone\":\"13800000000\"},\"visitId\":\"" + visit + "\"}");
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        JsonNode detail = view("cs-desk", filed.json().get("id").asText(), filed.json().get("position").asLong());
        assertThat(detail.get("visitId").asText()).isEqualTo(visit);
    }

    private JsonNode view(String user, String id, long position) {
        Http.Response response = http.get(user, "/api/views/complaints/" + id + "?position=" + position);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.header("X-DeskLedger-Consistent")).isEqualTo("true");
        return response.json();
    }

    private static Http.Response ok(Http.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response;
    }

    private static List<String> types(JsonNode timeline) {
        List<String> types = new ArrayList<>();
        timeline.forEach(entry -> types.add(entry.get("type").asText()));
        return types;
    }
}
