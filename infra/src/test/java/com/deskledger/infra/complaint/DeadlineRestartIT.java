package com.deskledger.infra.complaint;

import com.deskledger.infra.DeskLedgerApplication;
import com.deskledger.infra.support.Http;
import com.deskledger.infra.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deadline outlives the application: it is a row in PostgreSQL, and one that fell due while no application was
 * running fires when one starts again. Two application contexts, one after the other, on a database of their own
 * (so the shared test application cannot run the deadline in between): the first files a complaint and schedules
 * its deadlines without running any; it is closed; the first-response target (2 s at cs-restart) passes; the second
 * starts and breaches the complaint.
 */
class DeadlineRestartIT {

    @Test
    void aDeadlineThatFellDueWhileTheApplicationWasDownFiresWhenItComesBack() throws SQLException {
        TestDatabase.install();
        String database = "deskledger_it_" + Instant.now().getEpochSecond() + "_"
                + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        try (Connection admin = TestDatabase.connect(); Statement sql = admin.createStatement()) {
            sql.execute("create database " + database);
        }
        String url = TestDatabase.url().replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
        try {
            String id;
            Instant due;
            try (ConfigurableApplicationContext first = start(url, false)) {
                id = ComplaintTestSupport.file(new Http(port(first)), "cs-desk", "cs-restart", "GENERAL", null);
                List<ComplaintTestSupport.StoredDeadline> stored =
                        ComplaintTestSupport.deadlinesOf(first.getBean(JdbcTemplate.class), id);
                assertThat(stored).extracting(ComplaintTestSupport.StoredDeadline::name)
                        .containsExactlyInAnyOrder("complaint-sla-first-response", "complaint-sla-resolution");
                due = stored.stream().filter(d -> d.name().equals("complaint-sla-first-response")).findFirst()
                        .orElseThrow().due();
            }
            ComplaintTestSupport.await("the first-response target to pass while the application is down",
                    () -> Instant.now().isAfter(due.plusSeconds(1)));

            try (ConfigurableApplicationContext second = start(url, true)) {
                JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
                assertThat(ComplaintTestSupport.eventTypes(jdbc, id)).doesNotContain("SlaBreachedEvent");
                ComplaintTestSupport.await("the overdue deadline to fire after the restart",
                        () -> ComplaintTestSupport.eventTypes(jdbc, id).contains("ComplaintEscalatedEvent"));
                assertThat(ComplaintTestSupport.eventTypes(jdbc, id)).containsExactly("ComplaintFiledEvent",
                        "SlaClockStartedEvent", "SlaClockStartedEvent", "SlaBreachedEvent", "ComplaintEscalatedEvent");
                assertThat(ComplaintTestSupport.deadlinesOf(jdbc, id))
                        .extracting(ComplaintTestSupport.StoredDeadline::name)
                        .containsExactly("complaint-sla-resolution");
            }
        } finally {
            try (Connection admin = TestDatabase.connect(); Statement sql = admin.createStatement()) {
                sql.execute("drop database if exists " + database);
            } catch (SQLException stillInUse) {
                // left for the stale-database clean-up of a later run
            }
        }
    }

    private static ConfigurableApplicationContext start(String url, boolean executeDeadlines) {
        return new SpringApplicationBuilder(DeskLedgerApplication.class)
                .profiles("it")
                .run("--server.port=0", "--spring.datasource.url=" + url,
                        "--deskledger.deadlines.execute=" + executeDeadlines);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
