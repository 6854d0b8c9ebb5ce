package com.deskledger.infra.support;

import com.deskledger.infra.DeskLedgerApplication;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the integration tests: the whole application on a random port, on real PostgreSQL (see
 * {@link TestDatabase}), driven through HTTP. All subclasses share one application context.
 */
@SpringBootTest(classes = DeskLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@AutoConfigureObservability
public abstract class IntegrationTest {

    static {
        TestDatabase.install();
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    protected long eventCount() {
        return jdbc.queryForObject("select count(*) from domainevententry", Long.class);
    }

    protected long eventCount(String aggregateId) {
        return jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ?",
                Long.class, aggregateId);
    }
}
