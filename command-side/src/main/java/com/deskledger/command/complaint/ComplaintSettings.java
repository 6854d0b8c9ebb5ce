package com.deskledger.command.complaint;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code deskledger.complaints.*}: SLA targets per severity in business time ({@code sla.general.first-response},
 * {@code sla.major.resolution}, ...), optional per-centre targets ({@code centre-sla.<centre>.general...}), the
 * compensation approval limit (exact: minor units and currency) and the days from closing to the follow-up call.
 */
@ConfigurationProperties("deskledger.complaints")
public class ComplaintSettings {

    private Sla sla = new Sla(new Targets(Duration.ofHours(4), Duration.ofHours(24)),
            new Targets(Duration.ofHours(1), Duration.ofHours(8)));
    private Map<String, Sla> centreSla = new LinkedHashMap<>();
    private Limit compensationApprovalLimit = new Limit(50_000, "CNY");
    private int followUpDays = 7;

    public Sla getSla() {
        return sla;
    }

    public void setSla(Sla sla) {
        this.sla = sla;
    }

    public Map<String, Sla> getCentreSla() {
        return centreSla;
    }

    public void setCentreSla(Map<String, Sla> centreSla) {
        this.centreSla = centreSla;
    }

    public Limit getCompensationApprovalLimit() {
        return compensationApprovalLimit;
    }

    public void setCompensationApprovalLimit(Limit compensationApprovalLimit) {
        this.compensationApprovalLimit = compensationApprovalLimit;
    }

    public int getFollowUpDays() {
        return followUpDays;
    }

    public void setFollowUpDays(int followUpDays) {
        this.followUpDays = followUpDays;
    }

    /** Targets per severity; in a centre's own SLA a target left out falls back to the general setting. */
    public static class Sla {

        private Targets general = new Targets();
        private Targets major = new Targets();

        public Sla() {
        }

        Sla(Targets general, Targets major) {
            this.general = general;
            this.major = major;
        }

        public Targets getGeneral() {
            return general;
        }

        public void setGeneral(Targets general) {
            this.general = general;
        }

        public Targets getMajor() {
            return major;
        }

        public void setMajor(Targets major) {
            this.major = major;
        }
    }

    /** Business time to the first response and to the resolution. */
    public static class Targets {

        private Duration firstResponse;
        private Duration resolution;

        public Targets() {
        }

        Targets(Duration firstResponse, Duration resolution) {
            this.firstResponse = firstResponse;
            this.resolution = resolution;
        }

        public Duration getFirstResponse() {
            return firstResponse;
        }

        public void setFirstResponse(Duration firstResponse) {
            this.firstResponse = firstResponse;
        }

        public Duration getResolution() {
            return resolution;
        }

        public void setResolution(Duration resolution) {
            this.resolution = resolution;
        }
    }

    /** An exact amount: minor units (fen, cents) and the ISO 4217 currency code. */
    public static class Limit {

        private long amountMinor;
        private String currency;

        public Limit() {
        }

        Limit(long amountMinor, String currency) {
            this.amountMinor = amountMinor;
            this.currency = currency;
        }

        public long getAmountMinor() {
            return amountMinor;
        }

        public void setAmountMinor(long amountMinor) {
            this.amountMinor = amountMinor;
        }

        public String getCurrency() {
            return currency;
        }

        public void setCurrency(String currency) {
            this.currency = currency;
        }
    }
}
