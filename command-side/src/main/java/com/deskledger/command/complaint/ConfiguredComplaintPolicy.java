package com.deskledger.command.complaint;

import com.deskledger.kernel.BusinessHours;
import com.deskledger.kernel.CentreCatalog;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.complaint.Severity;
import com.deskledger.kernel.complaint.SlaClock;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Currency;
import java.util.Map;

/** The complaint policy as configured ({@link ComplaintSettings}) with the centres' opening hours. */
@Component
class ConfiguredComplaintPolicy implements ComplaintPolicy {

    private final ComplaintSettings settings;
    private final CentreCatalog centres;

    ConfiguredComplaintPolicy(ComplaintSettings settings, CentreCatalog centres) {
        this.settings = settings;
        this.centres = centres;
        check();
    }

    /** Wrong settings stop the application at start-up instead of failing a complaint later. */
    private void check() {
        for (Severity severity : Severity.values()) {
            for (SlaClock clock : SlaClock.values()) {
                requirePositive(pick(settings.getSla(), severity, clock), "sla." + name(severity, clock));
                for (Map.Entry<String, ComplaintSettings.Sla> centre : settings.getCentreSla().entrySet()) {
                    Duration own = pick(centre.getValue(), severity, clock);
                    if (own != null) {
                        requirePositive(own, "centre-sla." + centre.getKey() + "." + name(severity, clock));
                    }
                }
            }
        }
        ComplaintSettings.Limit limit = settings.getCompensationApprovalLimit();
        if (limit.getAmountMinor() < 0) {
            throw new IllegalStateException("deskledger.complaints.compensation-approval-limit.amount-minor < 0");
        }
        try {
            Currency.getInstance(limit.getCurrency());
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "deskledger.complaints.compensation-approval-limit.currency must be an ISO 4217 code", e);
        }
        if (settings.getFollowUpDays() < 0) {
            throw new IllegalStateException("deskledger.complaints.follow-up-days must be 0 or more");
        }
    }

    @Override
    public Duration target(CentreId centre, Severity severity, SlaClock clock) {
        ComplaintSettings.Sla own = settings.getCentreSla().get(centre.value());
        Duration target = own == null ? null : pick(own, severity, clock);
        return target != null ? target : pick(settings.getSla(), severity, clock);
    }

    @Override
    public BusinessHours businessHours(CentreId centre) {
        return centres.businessHoursOf(centre);
    }

    @Override
    public long approvalLimitMinor() {
        return settings.getCompensationApprovalLimit().getAmountMinor();
    }

    @Override
    public String approvalLimitCurrency() {
        return settings.getCompensationApprovalLimit().getCurrency();
    }

    @Override
    public Duration followUpAfter() {
        return Duration.ofDays(settings.getFollowUpDays());
    }

    private static Duration pick(ComplaintSettings.Sla sla, Severity severity, SlaClock clock) {
        ComplaintSettings.Targets targets = severity == Severity.MAJOR ? sla.getMajor() : sla.getGeneral();
        if (targets == null) {
            return null;
        }
        return clock == SlaClock.FIRST_RESPONSE ? targets.getFirstResponse() : targets.getResolution();
    }

    private static void requirePositive(Duration target, String name) {
        if (target == null || target.isNegative() || target.isZero()) {
            throw new IllegalStateException("deskledger.complaints." + name + " must be a positive duration");
        }
    }

    private static String name(Severity severity, SlaClock clock) {
        return severity.name().toLowerCase() + "." + (clock == SlaClock.FIRST_RESPONSE ? "first-response"
                : "resolution");
    }
}
