package com.deskledger.infra.integrity;

import com.deskledger.infra.keys.KeyRing;
import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.IntegrationTest;
import com.deskledger.infra.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.crypto.Mac;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tamper cases an auditor tried with psql beside the running application, each through HTTP on real PostgreSQL:
 * an event inserted by the application's own database user (triggers on), a history rewritten by a superuser who
 * recomputes the chain with the database's own function, the deletion of an aggregate's last event, and a rewrite by
 * someone who also holds the event MAC key, which only a checkpoint receipt taken before it finds. Every case but the
 * forged insert puts the store back as it was, so that the other tests' replays and view checks see what their views
 * saw.
 */
class TamperEvidenceIT extends IntegrationTest {

    @Autowired
    KeyRing keys;

    @Test
    void anEventInsertedByTheApplicationsOwnDatabaseUserIsReportedAndNamed() {
        String visit = visitWithFeedbackAndEnd();
        JsonNode before = verify(visit);
        assertThat(before.get("intact").asBoolean()).as(before.toString()).isTrue();
        assertThat(before.get("signedBy").get(keys.activeEventMacKey().id()).asLong()).isEqualTo(3);

        // what the auditor did: a plain INSERT as the application's role, the hash trigger on, a forged actor
        long forged = jdbc.queryForObject("""
                insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                    payload, payloadrevision, payloadtype, timestamp)
                select aggregateidentifier, 3, type, gen_random_uuid()::text,
                    convert_to(replace(convert_from(metadata, 'UTF8'), 'tamper-desk', 'manager'), 'UTF8'),
                    payload, payloadrevision, payloadtype, timestamp
                from domainevententry where aggregateidentifier = ? and sequencenumber = 1
                returning globalindex""", Long.class, visit);
        assertThat(jdbc.queryForObject("select hash is not null from domainevententry where globalindex = ?",
                Boolean.class, forged)).as("the trigger gave the forged event a chain link").isTrue();

        JsonNode after = verify(visit);
        assertThat(after.get("intact").asBoolean()).isFalse();
        assertThat(after.get("problems").asLong()).isEqualTo(1);
        JsonNode first = after.get("firstBroken");
        assertThat(first.get("globalIndex").asLong()).isEqualTo(forged);
        assertThat(first.get("aggregateId").asText()).isEqualTo(visit);
        assertThat(first.get("sequence").asLong()).isEqualTo(3);
        assertThat(first.get("problem").asText()).contains("no signature");
        // its chain link is valid: only the missing signature gives it away
        assertThat(first.has("expectedHash")).isFalse();
        JsonNode inRange = http.get("tamper-audit", "/api/audit/verify?from=" + forged + "&to=" + forged).json();
        assertThat(inRange.get("firstBroken").get("globalIndex").asLong()).isEqualTo(forged);
    }

    @Test
    void aHistoryRewrittenBySuperuserWithRecomputedHashesIsReportedAtTheFirstRewrittenEvent() throws Exception {
        String visit = visitWithFeedbackAndEnd();
        Stored original = stored(visit, 1);
        try (Connection superuser = superuser()) {
            rewriteFeedback(superuser, visit, false);
            try {
                JsonNode broken = verify(visit);
                assertThat(broken.get("intact").asBoolean()).isFalse();
                JsonNode first = broken.get("firstBroken");
                assertThat(first.get("aggregateId").asText()).isEqualTo(visit);
                assertThat(first.get("sequence").asLong()).isEqualTo(1);
                assertThat(first.get("globalIndex").asLong()).isEqualTo(original.globalIndex());
                assertThat(first.get("problem").asText()).contains("signature does not match");
                // the chain itself is intact (recomputed): the hash chain alone would have said so
                assertThat(first.has("expectedHash")).isFalse();
                assertThat(broken.get("problems").asLong()).as("events 1 and 2 got new hashes").isEqualTo(2);
            } finally {
                restore(superuser, visit, original);
            }
        }
        assertThat(verify(visit).get("intact").asBoolean()).isTrue();
    }

    @Test
    void aDeletedLastEventIsReportedByItsSignatureAndWhenThatGoesTooByACheckpointTakenBefore() throws Exception {
        String visit = visitWithFeedbackAndEnd();
        JsonNode receipt = takeCheckpoint("tamper-audit");
        Stored last = stored(visit, 2);
        try (Connection superuser = superuser(); Statement sql = superuser.createStatement()) {
            sql.execute("delete from domainevententry where globalindex = " + last.globalIndex());
            try {
                JsonNode byAggregate = verify(visit);
                assertThat(byAggregate.get("intact").asBoolean()).isFalse();
                JsonNode first = byAggregate.get("firstBroken");
                assertThat(first.get("globalIndex").asLong()).isEqualTo(last.globalIndex());
                assertThat(first.get("sequence").asLong()).isEqualTo(2);
                assertThat(first.get("problem").asText()).contains("is gone");

                // a superuser who deletes the signature as well leaves a chain that looks whole...
                sql.execute("delete from event_signature where globalindex = " + last.globalIndex());
                assertThat(verify(visit).get("intact").asBoolean()).isTrue();
                // ...but not to a checkpoint taken before
                JsonNode checked = verifyReceipt(receipt);
                assertThat(checked.get("intact").asBoolean()).isFalse();
                JsonNode checkpoint = checked.get("checkpoint");
                assertThat(checkpoint.get("matches").asBoolean()).isFalse();
                assertThat(checkpoint.get("eventCountFound").asLong())
                        .isEqualTo(receipt.get("eventCount").asLong() - 1);
                assertThat(checkpoint.get("differences")).hasSize(1);
                JsonNode difference = checkpoint.get("differences").get(0);
                assertThat(difference.get("aggregateId").asText()).isEqualTo(visit);
                assertThat(difference.get("sequence").asLong()).isEqualTo(2);
                assertThat(difference.get("eventsAtCheckpoint").asLong()).isEqualTo(3);
                assertThat(difference.get("eventsFound").asLong()).isEqualTo(2);
                assertThat(difference.get("problem").asText()).contains("gone");
            } finally {
                restore(superuser, visit, last);
            }
        }
        assertThat(verify(visit).get("intact").asBoolean()).isTrue();
        assertThat(verifyReceipt(receipt).get("checkpoint").get("matches").asBoolean()).isTrue();
    }

    @Test
    void aCheckpointReceiptFindsARewriteThatEvenTheSignaturesMissBecauseTheKeyWasStolen() throws Exception {
        String visit = visitWithFeedbackAndEnd();
        JsonNode receipt = takeCheckpoint("tamper-audit");
        JsonNode clean = verifyReceipt(receipt);
        assertThat(clean.get("checkpoint").get("matches").asBoolean()).as(clean.toString()).isTrue();
        assertThat(clean.get("checkpoint").get("source").asText()).isEqualTo("receipt");

        Stored original = stored(visit, 1);
        try (Connection superuser = superuser()) {
            rewriteFeedback(superuser, visit, true);
            try {
                // chains recomputed, signatures made again with the application's key: nothing to see per event
                assertThat(verify(visit).get("intact").asBoolean()).isTrue();

                JsonNode checked = verifyReceipt(receipt);
                assertThat(checked.get("intact").asBoolean()).isFalse();
                JsonNode checkpoint = checked.get("checkpoint");
                assertThat(checkpoint.get("matches").asBoolean()).isFalse();
                assertThat(checkpoint.get("eventCountFound").asLong()).isEqualTo(receipt.get("eventCount").asLong());
                assertThat(checkpoint.get("merkleRootFound").asText())
                        .isNotEqualTo(receipt.get("merkleRoot").asText());
                assertThat(checkpoint.get("differences")).hasSize(1);
                JsonNode difference = checkpoint.get("differences").get(0);
                assertThat(difference.get("aggregateId").asText()).isEqualTo(visit);
                assertThat(difference.get("problem").asText()).contains("changed after the checkpoint");
            } finally {
                restore(superuser, visit, original);
            }
        }
        assertThat(verifyReceipt(receipt).get("checkpoint").get("matches").asBoolean()).isTrue();
    }

    @Test
    void aReceiptIsCheckedWithThePublicKeyAloneAndAnAlteredOneIsRefused() throws Exception {
        JsonNode receipt = takeCheckpoint("admin");
        long id = receipt.get("checkpoint").asLong();

        // what an auditor does without the application: rebuild the signed text and check it with the public key
        String text = "deskledger-checkpoint-v1\ncheckpoint: " + id + "\nhighestGlobalIndex: "
                + receipt.get("highestGlobalIndex").asLong() + "\neventCount: " + receipt.get("eventCount").asLong()
                + "\naggregateCount: " + receipt.get("aggregateCount").asLong() + "\nmerkleRoot: "
                + receipt.get("merkleRoot").asText() + "\ncreatedAt: " + receipt.get("createdAt").asText()
                + "\nkeyId: " + receipt.get("keyId").asText() + "\n";
        assertThat(receipt.get("signedText").asText()).isEqualTo(text);
        String pem = null;
        for (JsonNode key : http.get("tamper-audit", "/api/audit/keys").json().get("checkpointKeys")) {
            if (key.get("keyId").asText().equals(receipt.get("keyId").asText())) {
                pem = key.get("publicKey").asText();
            }
        }
        assertThat(pem).isNotNull();
        PublicKey publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""))));
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(publicKey);
        ed25519.update(text.getBytes(StandardCharsets.UTF_8));
        assertThat(ed25519.verify(Base64.getDecoder().decode(receipt.get("signature").asText()))).isTrue();

        Http.Response download = http.get("manager", "/api/audit/checkpoints/" + id);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Disposition")).contains("deskledger-checkpoint-" + id + ".json");
        assertThat(download.json().get("signature").asText()).isEqualTo(receipt.get("signature").asText());
        assertThat(http.get("tamper-audit", "/api/audit/checkpoints?limit=5").json().get(0).get("checkpoint")
                .asLong()).isGreaterThanOrEqualTo(id);
        assertThat(http.get("tamper-audit", "/api/audit/checkpoints/999999999").status()).isEqualTo(404);

        ObjectNode altered = receipt.deepCopy();
        altered.put("eventCount", receipt.get("eventCount").asLong() + 1);
        Http.Response refused = http.post("tamper-audit", "/api/audit/verify", altered.toString());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asText()).isEqualTo("CHECKPOINT_RECEIPT_INVALID");
        ObjectNode unknownKey = receipt.deepCopy();
        unknownKey.put("keyId", "not-a-key-of-ours");
        assertThat(http.post("tamper-audit", "/api/audit/verify", unknownKey.toString()).json().get("detail")
                .asText()).contains("does not know");
        ObjectNode incomplete = receipt.deepCopy();
        incomplete.remove("merkleRoot");
        Http.Response invalid = http.post("tamper-audit", "/api/audit/verify", incomplete.toString());
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").get(0).get("field").asText()).isEqualTo("merkleRoot");

        assertThat(http.post("tamper-desk", "/api/audit/checkpoints", null).status()).isEqualTo(403);
        assertThat(http.post("manager", "/api/audit/checkpoints", null).status()).isEqualTo(403);
        assertThat(http.get("tamper-desk", "/api/audit/verify").status()).isEqualTo(403);
    }

    @Test
    void eventsThatADeadlineAppendsOnTheSchedulersThreadAreSignedToo() {
        Http.Response filed = http.post("tamper-desk", "/api/complaints", """
                {"centre":"tamper","channel":"PHONE","category":"FACILITY","severity":"GENERAL",
                 "description":"the lift was out of order","customer":{"name":"Zhao Lei","phone":"13700002222"}}""");
        assertThat(filed.status()).as(filed.text()).isEqualTo(201);
        String complaint = filed.json().get("id").asText();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!jdbc.queryForList("select payloadtype from domainevententry where aggregateidentifier = ?",
                String.class, complaint).stream().anyMatch(type -> type.endsWith("SlaBreachedEvent"))) {
            assertThat(Instant.now()).as("the first-response deadline fires").isBefore(deadline);
            sleep(200);
        }
        String breachedBy = jdbc.queryForObject("""
                select convert_from(metadata, 'UTF8')::jsonb->>'user' from domainevententry
                where aggregateidentifier = ? and payloadtype like '%SlaBreachedEvent' order by sequencenumber limit 1""",
                String.class, complaint);
        assertThat(breachedBy).as("appended by the deadline, not by a request").isEqualTo("system");
        long unsigned = jdbc.queryForObject("""
                select count(*) from domainevententry e left join event_signature s on s.globalindex = e.globalindex
                where e.aggregateidentifier = ? and s.mac is null""", Long.class, complaint);
        assertThat(unsigned).isZero();
        JsonNode verdict = http.get("auditor", "/api/audit/verify?aggregate=" + complaint).json();
        assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isTrue();
    }

    /** A visit of three events: started (0), feedback 5 (1), ended (2). */
    private String visitWithFeedbackAndEnd() {
        String visit = http.post("tamper-desk", "/api/visits", "{\"centre\":\"tamper\",\"channel\":\"WALK_IN\","
                + "\"purpose\":\"OTHER\"}").json().get("id").asText();
        assertThat(http.post("tamper-desk", "/api/visits/" + visit + "/feedback", "{\"score\":5}").status() / 100)
                .isEqualTo(2);
        assertThat(http.post("tamper-desk", "/api/visits/" + visit + "/end", "{\"outcome\":\"RESOLVED\"}").status()
                / 100).isEqualTo(2);
        return visit;
    }

    private JsonNode verify(String aggregate) {
        Http.Response response = http.get("tamper-audit", "/api/audit/verify?aggregate=" + aggregate);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private JsonNode takeCheckpoint(String user) {
        Http.Response taken = http.post(user, "/api/audit/checkpoints", null);
        assertThat(taken.status()).as(taken.text()).isEqualTo(201);
        assertThat(taken.header("Location")).isEqualTo("/api/audit/checkpoints/" + taken.json().get("checkpoint"));
        return taken.json();
    }

    private JsonNode verifyReceipt(JsonNode receipt) {
        Http.Response response = http.post("tamper-audit", "/api/audit/verify", receipt.toString());
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    /** One stored event and its signature, as they were, to put back. */
    private record Stored(long globalIndex, String aggregateId, long sequence, String type, String eventId,
                          byte[] metadata, byte[] payload, String revision, String payloadType, String timestamp,
                          byte[] hash, String keyId, byte[] mac) {
    }

    private Stored stored(String aggregate, long sequence) {
        return jdbc.queryForObject("""
                select e.globalindex, e.aggregateidentifier, e.sequencenumber, e.type, e.eventidentifier, e.metadata,
                    e.payload, e.payloadrevision, e.payloadtype, e.timestamp, e.hash, s.key_id, s.mac
                from domainevententry e join event_signature s on s.globalindex = e.globalindex
                where e.aggregateidentifier = ? and e.sequencenumber = ?""", (rs, n) -> new Stored(rs.getLong(1),
                rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getBytes(6), rs.getBytes(7),
                rs.getString(8), rs.getString(9), rs.getString(10), rs.getBytes(11), rs.getString(12),
                rs.getBytes(13)), aggregate, sequence);
    }

    /** A superuser's session with the triggers off, as the auditor had. */
    private static Connection superuser() throws SQLException {
        Connection connection = TestDatabase.connect();
        try (Statement sql = connection.createStatement()) {
            sql.execute("set session_replication_role = replica");
        }
        return connection;
    }

    /**
     * Changes the feedback (event 1) from 5 to 1 and recomputes the chain from there with the database's own
     * function; with {@code resign}, also makes the signatures again with the application's key, as someone who
     * has stolen the key file would.
     */
    private void rewriteFeedback(Connection superuser, String visit, boolean resign) throws Exception {
        try (PreparedStatement update = superuser.prepareStatement("""
                update domainevententry set payload = convert_to(replace(convert_from(payload, 'UTF8'), '"score":5',
                    '"score":1'), 'UTF8') where aggregateidentifier = ? and sequencenumber = 1""")) {
            update.setString(1, visit);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        recomputeChain(superuser, visit, 1, 2);
        if (resign) {
            for (long sequence = 1; sequence <= 2; sequence++) {
                Stored event = stored(visit, sequence);
                try (PreparedStatement update = superuser.prepareStatement(
                        "update event_signature set mac = ? where globalindex = ?")) {
                    update.setBytes(1, mac(event.globalIndex(), visit, sequence, event.hash()));
                    update.setLong(2, event.globalIndex());
                    update.executeUpdate();
                }
            }
        }
    }

    private static void recomputeChain(Connection superuser, String visit, long from, long to) throws SQLException {
        for (long sequence = from; sequence <= to; sequence++) {
            try (PreparedStatement rehash = superuser.prepareStatement("""
                    update domainevententry e set hash = deskledger_event_hash(
                        (select p.hash from domainevententry p
                         where p.aggregateidentifier = e.aggregateidentifier and p.sequencenumber = e.sequencenumber - 1),
                        e.aggregateidentifier, e.sequencenumber, e.type, e.eventidentifier, e.payloadtype,
                        e.payloadrevision, e.timestamp, e.payload, e.metadata)
                    where e.aggregateidentifier = ? and e.sequencenumber = ?""")) {
                rehash.setString(1, visit);
                rehash.setLong(2, sequence);
                rehash.executeUpdate();
            }
        }
    }

    /** Puts an event and its signature back as they were, and the chain after it. */
    private void restore(Connection superuser, String visit, Stored original) throws Exception {
        try (PreparedStatement delete = superuser.prepareStatement(
                "delete from domainevententry where globalindex = ?");
             PreparedStatement deleteSignature = superuser.prepareStatement(
                     "delete from event_signature where globalindex = ?")) {
            delete.setLong(1, original.globalIndex());
            delete.executeUpdate();
            deleteSignature.setLong(1, original.globalIndex());
            deleteSignature.executeUpdate();
        }
        try (PreparedStatement insert = superuser.prepareStatement("""
                insert into domainevententry (globalindex, aggregateidentifier, sequencenumber, type, eventidentifier,
                    metadata, payload, payloadrevision, payloadtype, timestamp, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement signature = superuser.prepareStatement("""
                     insert into event_signature (globalindex, aggregateidentifier, sequencenumber, key_id, mac)
                     values (?, ?, ?, ?, ?)""")) {
            insert.setLong(1, original.globalIndex());
            insert.setString(2, original.aggregateId());
            insert.setLong(3, original.sequence());
            insert.setString(4, original.type());
            insert.setString(5, original.eventId());
            insert.setBytes(6, original.metadata());
            insert.setBytes(7, original.payload());
            insert.setString(8, original.revision());
            insert.setString(9, original.payloadType());
            insert.setString(10, original.timestamp());
            insert.setBytes(11, original.hash());
            insert.executeUpdate();
            signature.setLong(1, original.globalIndex());
            signature.setString(2, original.aggregateId());
            signature.setLong(3, original.sequence());
            signature.setString(4, original.keyId());
            signature.setBytes(5, original.mac());
            signature.executeUpdate();
        }
        long last = jdbc.queryForObject("select max(sequencenumber) from domainevententry where aggregateidentifier = ?",
                Long.class, visit);
        recomputeChain(superuser, visit, original.sequence() + 1, last);
        for (long sequence = original.sequence() + 1; sequence <= last; sequence++) {
            Stored event = stored(visit, sequence);
            try (PreparedStatement update = superuser.prepareStatement(
                    "update event_signature set mac = ? where globalindex = ?")) {
                update.setBytes(1, mac(event.globalIndex(), visit, sequence, event.hash()));
                update.setLong(2, event.globalIndex());
                update.executeUpdate();
            }
        }
    }

    /** The event MAC as the README documents it, computed here without the application's code. */
    private byte[] mac(long globalIndex, String aggregateId, long sequence, byte[] hash) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(keys.activeEventMacKey().key());
        field(mac, "deskledger-event-v1".getBytes(StandardCharsets.UTF_8));
        mac.update(ByteBuffer.allocate(8).putLong(globalIndex).array());
        field(mac, aggregateId.getBytes(StandardCharsets.UTF_8));
        mac.update(ByteBuffer.allocate(8).putLong(sequence).array());
        field(mac, hash);
        return mac.doFinal();
    }

    private static void field(Mac mac, byte[] value) {
        mac.update(ByteBuffer.allocate(4).putInt(value.length).array());
        mac.update(value);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
