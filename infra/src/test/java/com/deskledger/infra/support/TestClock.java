package com.deskledger.infra.support;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in the integration tests: the system clock, unless a test pins it to a moment to script
 * a week of the desk (the member API takes every time from the server's clock). Always unpin in a finally block.
 */
public final class TestClock extends Clock {

    private static volatile Instant pinned;

    private final ZoneId zone;

    private TestClock(ZoneId zone) {
        this.zone = zone;
    }

    public static void pin(Instant at) {
        pinned = at;
    }

    public static void unpin() {
        pinned = null;
    }

    @Override
    public Instant instant() {
        Instant at = pinned;
        return at != null ? at : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new TestClock(other);
    }

    /** Makes the test clock the one every controller is given. */
    @Configuration
    static class Install {

        @Bean
        @Primary
        Clock testClock() {
            return new TestClock(ZoneOffset.UTC);
        }
    }
}
