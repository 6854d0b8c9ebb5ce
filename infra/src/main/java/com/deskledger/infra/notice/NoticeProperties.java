package com.deskledger.infra.notice;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code deskledger.notices.*}: delivery to the broker (off unless {@code broker.enabled}; the broker itself is set
 * up with Spring Boot's {@code spring.rabbitmq.*}), retries, and the package-expiry scan. The credits threshold
 * ({@code credits-low-threshold}) is read by the command side's notice rules.
 */
@ConfigurationProperties("deskledger.notices")
public class NoticeProperties {

    private final Broker broker = new Broker();
    private final Expiry expiry = new Expiry();
    private int creditsLowThreshold = 2;

    public Broker getBroker() {
        return broker;
    }

    public Expiry getExpiry() {
        return expiry;
    }

    public int getCreditsLowThreshold() {
        return creditsLowThreshold;
    }

    public void setCreditsLowThreshold(int creditsLowThreshold) {
        this.creditsLowThreshold = creditsLowThreshold;
    }

    /** Delivery of the outbox. */
    public static class Broker {
        /** Off: notices stay in the outbox (pending) and the dashboard lists them as not sent. */
        private boolean enabled = false;
        /** The durable queue notices are published to (through the default exchange). */
        private String queue = "deskledger.notices";
        private Duration pollInterval = Duration.ofSeconds(1);
        /** Rows one node claims (FOR UPDATE SKIP LOCKED) and sends per round. */
        private int batchSize = 20;
        /** How long a publish waits for the broker's confirm before it counts as failed. */
        private Duration confirmTimeout = Duration.ofSeconds(5);
        private Duration retryFirst = Duration.ofSeconds(1);
        private Duration retryMax = Duration.ofMinutes(5);
        /** After this many failed attempts the notice is FAILED and no longer tried. */
        private int maxAttempts = 50;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getQueue() {
            return queue;
        }

        public void setQueue(String queue) {
            this.queue = queue;
        }

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        public Duration getConfirmTimeout() {
            return confirmTimeout;
        }

        public void setConfirmTimeout(Duration confirmTimeout) {
            this.confirmTimeout = confirmTimeout;
        }

        public Duration getRetryFirst() {
            return retryFirst;
        }

        public void setRetryFirst(Duration retryFirst) {
            this.retryFirst = retryFirst;
        }

        public Duration getRetryMax() {
            return retryMax;
        }

        public void setRetryMax(Duration retryMax) {
            this.retryMax = retryMax;
        }

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }
    }

    /** The scan that tells guardians a time membership is about to end. */
    public static class Expiry {
        /** A membership ending within this many days is told about (once per end date). */
        private int daysBefore = 7;
        /** How often a node scans; every node may, a notice is written once. */
        private Duration scanInterval = Duration.ofHours(1);

        public int getDaysBefore() {
            return daysBefore;
        }

        public void setDaysBefore(int daysBefore) {
            this.daysBefore = daysBefore;
        }

        public Duration getScanInterval() {
            return scanInterval;
        }

        public void setScanInterval(Duration scanInterval) {
            this.scanInterval = scanInterval;
        }
    }
}
