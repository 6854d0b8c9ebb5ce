package com.deskledger.infra.db;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * PostgreSQL session limits on every connection of the application's pool, set when the connection is opened (the
 * driver's {@code options}, no extra round trip): {@code statement_timeout} ({@code deskledger.database.statement-timeout},
 * 60 s), so no statement waits on a lock or runs for ever, and {@code idle_in_transaction_session_timeout}
 * ({@code deskledger.database.idle-in-transaction-timeout}, 30 s), so a transaction whose process stopped talking (a
 * pause, a hung thread) is ended by the server instead of committing minutes later. Both are part of how no event
 * commits late enough to be skipped by a view (README "Every view exact"). Options already configured are kept.
 */
@Component
class SessionTimeouts implements BeanPostProcessor {

    private final Duration statementTimeout;
    private final Duration idleInTransactionTimeout;

    SessionTimeouts(Environment environment) {
        this.statementTimeout = environment.getProperty("deskledger.database.statement-timeout", Duration.class,
                Duration.ofSeconds(60));
        this.idleInTransactionTimeout = environment.getProperty("deskledger.database.idle-in-transaction-timeout",
                Duration.class, Duration.ofSeconds(30));
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            String configured = pool.getDataSourceProperties().getProperty("options", "");
            String options = (configured + " -c statement_timeout=" + statementTimeout.toMillis()
                    + " -c idle_in_transaction_session_timeout=" + idleInTransactionTimeout.toMillis()).strip();
            pool.addDataSourceProperty("options", options);
        }
        return bean;
    }
}
