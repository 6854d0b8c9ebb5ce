package com.deskledger.infra.db;

import com.deskledger.infra.DeskLedgerApplication;
import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 21 part 1, on a database of its own: an owner role that Flyway migrates with and an application role that
 * owns nothing. The application runs as the latter with {@code deskledger.db.require-least-privilege=true} (commands,
 * views, audit verification and the view verifier's shadow schema all work), and that role is refused an UPDATE,
 * a DELETE and a TRUNCATE of the event store, {@code ALTER TABLE ... DISABLE TRIGGER} and
 * {@code set session_replication_role}; what it may do, INSERT, gives a forged event away to {@code /api/audit/verify}.
 * The same setting refuses to start as a superuser.
 */
class LeastPrivilegeIT {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @TempDir
    Path temp;

    @Test
    void theApplicationsRoleCanDoItsWorkButNeitherChangeEventsNorSwitchTheirTriggersOff() throws Exception {
        TestDatabase.install();
        String suffix = Instant.now().getEpochSecond() + "_" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String database = "deskledger_it_" + suffix;
        String ownerRole = "deskledger_it_owner_" + suffix;
        String appRole = "deskledger_it_app_" + suffix;
        String ownerPassword = UUID.randomUUID().toString();
        String appPassword = UUID.randomUUID().toString();
        try (Connection admin = TestDatabase.connect(); Statement sql = admin.createStatement()) {
            sql.execute("create role " + ownerRole + " login password '" + ownerPassword + "'");
            sql.execute("create role " + appRole + " login password '" + appPassword + "'");
            sql.execute("create database " + database + " owner " + ownerRole);
        }
        String url = TestDatabase.url().replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
        try (Connection admin = DriverManager.getConnection(url, System.getProperty("spring.datasource.username"),
                System.getProperty("spring.datasource.password")); Statement sql = admin.createStatement()) {
            sql.execute("alter schema public owner to " + ownerRole);
        }
        try {
            try (ConfigurableApplicationContext app = start(url, List.of("--spring.datasource.username=" + appRole,
                    "--spring.datasource.password=" + appPassword, "--spring.flyway.user=" + ownerRole,
                    "--spring.flyway.password=" + ownerPassword, "--deskledger.db.app-role=" + appRole,
                    "--deskledger.db.require-least-privilege=true"))) {
                assertThat(app.getBean(LeastPrivilegeCheck.class).standing().leastPrivilege()).isTrue();
                Http http = new Http(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
                Http.Response started = http.post("reception", "/api/visits",
                        "{\"channel\":\"WALK_IN\",\"purpose\":\"OTHER\"}");
                assertThat(started.status()).as(started.text()).isEqualTo(201);
                long position = started.json().get("position").asLong();
                String visit = started.json().get("id").asText();
                Http.Response registered = http.post("reception", "/api/visits/" + visit + "/registration",
                        "{\"visitorName\":\"Least Privilege\",\"phone\":\"13300003333\"}");
                assertThat(registered.status()).as(registered.text()).isEqualTo(200);
                Http.Response view = http.get("reception", "/api/views/reception/visits?position="
                        + registered.json().get("position").asLong());
                assertThat(view.text()).contains("Least Privilege");
                Http.Response verified = http.post("auditor", "/api/audit/views/reception/verify", null);
                assertThat(verified.status()).as(verified.text()).isEqualTo(200);
                assertThat(verified.json().get("identical").asBoolean()).as(verified.text()).isTrue();
                Http.Response intact = http.get("auditor", "/api/audit/verify");
                assertThat(intact.json().get("intact").asBoolean()).as(intact.text()).isTrue();
                assertThat(position).isPositive();

                try (Connection asApp = DriverManager.getConnection(url, appRole, appPassword)) {
                    for (String forbidden : List.of(
                            "update domainevententry set payload = payload",
                            "delete from domainevententry",
                            "truncate domainevententry",
                            "update event_signature set mac = mac",
                            "alter table domainevententry disable trigger all",
                            "alter table domainevententry disable trigger user",
                            "set session_replication_role = replica",
                            "set local session_replication_role = replica",
                            "drop table domainevententry",
                            "create or replace function deskledger_refuse_change() returns trigger"
                                    + " language plpgsql as $$ begin return new; end $$")) {
                        assertThatThrownBy(() -> execute(asApp, forbidden)).as(forbidden)
                                .isInstanceOfSatisfying(SQLException.class,
                                        e -> assertThat(e.getSQLState()).as(forbidden + ": " + e.getMessage())
                                                .isEqualTo(INSUFFICIENT_PRIVILEGE));
                    }
                    // what the role may do, INSERT, is found out: the forged event has no signature
                    long forged;
                    try (var insert = asApp.prepareStatement("""
                            insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                                metadata, payload, payloadrevision, payloadtype, timestamp)
                            select aggregateidentifier, 2, type, gen_random_uuid()::text, metadata, payload,
                                payloadrevision, payloadtype, timestamp
                            from domainevententry where aggregateidentifier = ? and sequencenumber = 1
                            returning globalindex""")) {
                        insert.setString(1, visit);
                        try (var rs = insert.executeQuery()) {
                            assertThat(rs.next()).isTrue();
                            forged = rs.getLong(1);
                        }
                    }
                    Http.Response found = http.get("auditor", "/api/audit/verify?aggregate=" + visit);
                    assertThat(found.json().get("intact").asBoolean()).as(found.text()).isFalse();
                    assertThat(found.json().get("firstBroken").get("globalIndex").asLong()).isEqualTo(forged);
                    assertThat(found.json().get("firstBroken").get("problem").asText()).contains("no signature");
                }
            }

            // the same setting refuses a superuser
            assertThatThrownBy(() -> start(url, List.of("--deskledger.db.require-least-privilege=true")).close())
                    .rootCause().hasMessageContaining("require-least-privilege")
                    .hasMessageContaining("superuser");
        } finally {
            try (Connection admin = TestDatabase.connect(); Statement sql = admin.createStatement()) {
                sql.execute("drop database if exists " + database);
                sql.execute("drop role if exists " + appRole);
                sql.execute("drop role if exists " + ownerRole);
            } catch (SQLException stillInUse) {
                // left for the stale-database clean-up of a later run
            }
        }
    }

    private static void execute(Connection connection, String statement) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement sql = connection.createStatement()) {
            sql.execute(statement);
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    private ConfigurableApplicationContext start(String url, List<String> more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + url,
                "--deskledger.keys.dir=" + temp.resolve("keys"), "--deskledger.deadlines.execute=false"));
        args.addAll(more);
        return new SpringApplicationBuilder(DeskLedgerApplication.class).profiles("it")
                .run(args.toArray(String[]::new));
    }
}
