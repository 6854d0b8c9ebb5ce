package com.deskledger.query.complaints;

import com.deskledger.kernel.complaint.Compensation;
import com.deskledger.kernel.complaint.ComplaintStatus;
import com.deskledger.kernel.complaint.EscalationLevel;
import com.deskledger.kernel.complaint.SlaClock;
import com.deskledger.kernel.complaint.event.ComplaintAssignedEvent;
import com.deskledger.kernel.complaint.event.ComplaintClosedEvent;
import com.deskledger.kernel.complaint.event.ComplaintEscalatedEvent;
import com.deskledger.kernel.complaint.event.ComplaintEvent;
import com.deskledger.kernel.complaint.event.ComplaintFiledEvent;
import com.deskledger.kernel.complaint.event.ComplaintPausedEvent;
import com.deskledger.kernel.complaint.event.ComplaintReopenedEvent;
import com.deskledger.kernel.complaint.event.ComplaintResumedEvent;
import com.deskledger.kernel.complaint.event.ComplaintTriagedEvent;
import com.deskledger.kernel.complaint.event.ComplaintWithdrawnEvent;
import com.deskledger.kernel.complaint.event.FollowUpCallRecordedEvent;
import com.deskledger.kernel.complaint.event.FollowUpCallScheduledEvent;
import com.deskledger.kernel.complaint.event.ResolutionApprovedEvent;
import com.deskledger.kernel.complaint.event.ResolutionProposedEvent;
import com.deskledger.kernel.complaint.event.ResolutionRejectedEvent;
import com.deskledger.kernel.complaint.event.SlaBreachedEvent;
import com.deskledger.kernel.complaint.event.SlaClockRetargetedEvent;
import com.deskledger.kernel.complaint.event.SlaClockStartedEvent;
import com.deskledger.kernel.complaint.event.SlaClockStoppedEvent;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.member.event.MemberErasedEvent;
import com.deskledger.query.web.ViewTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds the complaint list, the resolutions and the breaches. Every handler sets values (the first-response and
 * first-resolution times only while still unset), and rows keyed by event are inserted once, so applying an event
 * twice leaves the same rows; {@link #reset()} clears the view for a replay. The timeline is
 * {@link ComplaintTimelineProjection}'s, in the same processor.
 */
@Component
@ViewTables({"complaint_case", "complaint_resolution", "complaint_breach"})
@ProcessingGroup(ComplaintProjection.PROCESSING_GROUP)
class ComplaintProjection {

    static final String PROCESSING_GROUP = "complaints";

    private final ComplaintCaseViewRepository cases;
    private final JdbcTemplate jdbc;
    private final ComplaintSeals seals;

    ComplaintProjection(ComplaintCaseViewRepository cases, JdbcTemplate jdbc, ComplaintSeals seals) {
        this.cases = cases;
        this.jdbc = jdbc;
        this.seals = seals;
    }

    @EventHandler
    void on(ComplaintFiledEvent event) {
        ComplaintCaseView view = cases.findById(event.complaintId().value())
                .orElseGet(() -> new ComplaintCaseView(event.complaintId().value()));
        view.centre = event.centre().value();
        view.channel = event.channel().name();
        view.category = event.category().name();
        view.severity = event.severity().name();
        view.status = ComplaintStatus.OPEN.name();
        view.level = EscalationLevel.HANDLER.name();
        MemberId member = event.customer().memberId();
        view.memberId = member == null ? null : member.value();
        view.customerName = seals.open(event.complaintId(), member, event.customer().name());
        String phone = seals.open(event.complaintId(), member, event.customer().phone());
        view.customerPhone = ComplaintSeals.ERASED.equals(phone) ? null : phone;
        view.description = seals.open(event.complaintId(), member, event.description());
        view.visitId = event.visitId() == null ? null : event.visitId().value();
        view.filedBy = event.filedBy().value();
        view.filedAt = event.at();
        view.updatedAt = event.at();
        cases.save(view);
    }

    @EventHandler
    void on(SlaClockStartedEvent event) {
        update(event, view -> {
            if (event.clock() == SlaClock.FIRST_RESPONSE) {
                view.firstResponseDueAt = event.dueAt();
                view.firstResponseTargetSeconds = seconds(event.target());
            } else {
                view.resolutionDueAt = event.dueAt();
                view.resolutionTargetSeconds = seconds(event.target());
            }
        });
    }

    @EventHandler
    void on(SlaClockRetargetedEvent event) {
        update(event, view -> {
            if (event.clock() == SlaClock.FIRST_RESPONSE) {
                view.firstResponseDueAt = event.dueAt();
                view.firstResponseTargetSeconds = seconds(event.target());
            } else {
                view.resolutionDueAt = event.dueAt();
                view.resolutionTargetSeconds = seconds(event.target());
            }
        });
    }

    @EventHandler
    void on(SlaClockStoppedEvent event) {
        update(event, view -> {
            if (event.clock() == SlaClock.FIRST_RESPONSE) {
                view.firstResponseDueAt = null;
                if (view.firstRespondedAt == null) {
                    view.firstRespondedAt = event.at();
                    view.firstResponseSeconds = event.businessSeconds();
                }
                if (ComplaintStatus.OPEN.name().equals(view.status)) {
                    view.status = ComplaintStatus.IN_PROGRESS.name();
                }
            } else {
                view.resolutionDueAt = null;
                if (view.firstResolvedAt == null) {
                    view.firstResolvedAt = event.at();
                    view.resolutionSeconds = event.businessSeconds();
                }
            }
        });
    }

    @EventHandler
    void on(SlaBreachedEvent event) {
        update(event, view -> {
            if (event.clock() == SlaClock.FIRST_RESPONSE) {
                view.firstResponseBreached = true;
                view.firstResponseDueAt = null;
            } else {
                view.resolutionBreached = true;
                view.resolutionDueAt = null;
            }
        });
        jdbc.update("""
                insert into complaint_breach (complaint_id, clock, due_at, level) values (?, ?, ?, ?)
                on conflict do nothing""", event.complaintId().value(), event.clock().name(),
                Timestamp.from(event.at()), event.level().name());
    }

    @EventHandler
    void on(ComplaintTriagedEvent event) {
        update(event, view -> {
            view.nature = event.nature();
            view.department = event.department();
            view.severity = event.severity().name();
        });
    }

    @EventHandler
    void on(ComplaintAssignedEvent event) {
        update(event, view -> view.handler = event.handler().value());
    }

    @EventHandler
    void on(ComplaintEscalatedEvent event) {
        update(event, view -> view.level = event.to().name());
    }

    @EventHandler
    void on(ResolutionProposedEvent event, EventMessage<?> message, @SequenceNumber Long sequence) {
        Compensation compensation = event.compensation();
        boolean toldAtOnce = event.approvalRequiredFrom() == null;
        update(event, view -> {
            view.status = (toldAtOnce ? ComplaintStatus.RESOLVED : ComplaintStatus.AWAITING_APPROVAL).name();
            view.approvalRequiredFrom = toldAtOnce ? null : event.approvalRequiredFrom().name();
            view.compensationType = compensation == null ? null : compensation.type().name();
            view.compensationMinor = compensation == null ? null : compensation.amountMinor();
            view.compensationCurrency = compensation == null ? null : compensation.currency();
        });
        jdbc.update("""
                insert into complaint_resolution (resolution_id, complaint_id, sequence, summary, compensation_type,
                    compensation_minor, compensation_currency, approval_required_from, proposed_by, proposed_at,
                    offered_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                message.getIdentifier(), event.complaintId().value(), sequence,
                seals.open(event.complaintId(), event.summary()),
                compensation == null ? null : compensation.type().name(),
                compensation == null ? null : compensation.amountMinor(),
                compensation == null ? null : compensation.currency(),
                toldAtOnce ? null : event.approvalRequiredFrom().name(), event.by().value(),
                Timestamp.from(event.at()), toldAtOnce ? Timestamp.from(event.at()) : null);
    }

    @EventHandler
    void on(ResolutionApprovedEvent event, @SequenceNumber Long sequence) {
        update(event, view -> {
            view.status = ComplaintStatus.RESOLVED.name();
            view.approvalRequiredFrom = null;
        });
        decide(event.complaintId().value(), sequence, "APPROVED", event.by().value(), event.at(), event.at());
    }

    @EventHandler
    void on(ResolutionRejectedEvent event, @SequenceNumber Long sequence) {
        update(event, view -> {
            view.status = ComplaintStatus.IN_PROGRESS.name();
            view.approvalRequiredFrom = null;
            view.compensationType = null;
            view.compensationMinor = null;
            view.compensationCurrency = null;
        });
        decide(event.complaintId().value(), sequence, "REJECTED", event.by().value(), event.at(), null);
    }

    /** A decision is always on the complaint's latest proposal before it. */
    private void decide(String complaintId, long sequence, String decision, String by, Instant at, Instant offered) {
        jdbc.update("""
                update complaint_resolution set decision = ?, decided_by = ?, decided_at = ?, offered_at = ?
                where resolution_id = (select resolution_id from complaint_resolution
                                       where complaint_id = ? and sequence < ? order by sequence desc limit 1)""",
                decision, by, Timestamp.from(at), offered == null ? null : Timestamp.from(offered), complaintId,
                sequence);
    }

    @EventHandler
    void on(ComplaintClosedEvent event) {
        update(event, view -> {
            view.status = ComplaintStatus.CLOSED.name();
            view.closedAt = event.at();
        });
    }

    @EventHandler
    void on(ComplaintReopenedEvent event) {
        update(event, view -> {
            view.status = ComplaintStatus.IN_PROGRESS.name();
            view.reopenCount = event.reopenCount();
        });
    }

    @EventHandler
    void on(ComplaintPausedEvent event) {
        update(event, view -> {
            view.status = ComplaintStatus.WAITING_ON_CUSTOMER.name();
            view.paused = true;
            view.resolutionDueAt = null;
        });
    }

    @EventHandler
    void on(ComplaintResumedEvent event) {
        update(event, view -> {
            view.status = ComplaintStatus.IN_PROGRESS.name();
            view.paused = false;
            view.resolutionDueAt = event.resolutionDueAt();
        });
    }

    @EventHandler
    void on(ComplaintWithdrawnEvent event) {
        update(event, view -> {
            view.status = ComplaintStatus.WITHDRAWN.name();
            view.withdrawnAt = event.at();
            view.paused = false;
            view.firstResponseDueAt = null;
            view.resolutionDueAt = null;
            view.approvalRequiredFrom = null;
        });
    }

    @EventHandler
    void on(FollowUpCallScheduledEvent event) {
        update(event, view -> view.followUpDueAt = event.dueAt());
    }

    @EventHandler
    void on(FollowUpCallRecordedEvent event) {
        update(event, view -> {
            view.followUpDoneAt = event.at();
            view.followUpReached = event.reached();
            view.followUpSatisfied = event.satisfied();
        });
    }

    /**
     * An erased member's complaints lose every personal value (their key is gone, so a replay cannot bring them
     * back either); every figure stays as it was.
     */
    @EventHandler
    void on(MemberErasedEvent event) {
        List<String> complaints = new ArrayList<>();
        for (ComplaintCaseView view : cases.findByMemberId(event.memberId().value())) {
            view.customerName = view.customerName == null ? null : ComplaintSeals.ERASED;
            view.customerPhone = null;
            view.description = ComplaintSeals.ERASED;
            complaints.add(view.complaintId);
        }
        if (complaints.isEmpty()) {
            return;
        }
        Object ids = complaints.toArray(String[]::new);
        jdbc.update("update complaint_resolution set summary = ? where complaint_id = any(?)", ComplaintSeals.ERASED,
                ids);
        jdbc.update("""
                update complaint_timeline
                set personal = (select jsonb_object_agg(key, ?::text) from jsonb_each(personal))
                where complaint_id = any(?) and personal is not null""", ComplaintSeals.ERASED, ids);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from complaint_breach");
        jdbc.update("delete from complaint_resolution");
        cases.deleteAllInBatch();
    }

    private static Long seconds(Duration target) {
        return target == null ? null : target.toSeconds();
    }

    private void update(ComplaintEvent event, Consumer<ComplaintCaseView> change) {
        cases.findById(event.complaintId().value()).ifPresent(view -> {
            change.accept(view);
            if (view.updatedAt == null || event.at().isAfter(view.updatedAt)) {
                view.updatedAt = event.at();
            }
        });
    }
}
