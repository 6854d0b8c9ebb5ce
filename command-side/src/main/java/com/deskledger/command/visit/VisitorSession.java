package com.deskledger.command.visit;

import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.PersonalDataVault;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.visit.Channel;
import com.deskledger.kernel.visit.MessageId;
import com.deskledger.kernel.visit.VisitId;
import com.deskledger.kernel.visit.command.AssignConsultantCommand;
import com.deskledger.kernel.visit.command.DeliverMessageCommand;
import com.deskledger.kernel.visit.command.EndVisitCommand;
import com.deskledger.kernel.visit.command.LinkMemberCommand;
import com.deskledger.kernel.visit.command.RecordFeedbackCommand;
import com.deskledger.kernel.visit.command.RecordRegistrationCommand;
import com.deskledger.kernel.visit.command.StartVisitCommand;
import com.deskledger.kernel.visit.command.TakeMessageCommand;
import com.deskledger.kernel.visit.command.TransferCallCommand;
import com.deskledger.kernel.visit.event.CallTransferredEvent;
import com.deskledger.kernel.visit.event.ConsultantAssignedEvent;
import com.deskledger.kernel.visit.event.FeedbackRecordedEvent;
import com.deskledger.kernel.visit.event.MemberLinkedEvent;
import com.deskledger.kernel.visit.event.MessageDeliveredEvent;
import com.deskledger.kernel.visit.event.MessageTakenEvent;
import com.deskledger.kernel.visit.event.VisitEndedEvent;
import com.deskledger.kernel.visit.event.VisitStartedEvent;
import com.deskledger.kernel.visit.event.VisitorRegisteredEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One visit or one call at the desk, from arrival (or answering) to its outcome. */
@Aggregate
class VisitorSession {

    static final int MAX_SCORE = 5;

    @AggregateIdentifier
    private VisitId id;
    private Channel channel;
    private Instant arrivedAt;
    private StaffId handler;
    private MemberId member;
    private boolean feedbackRecorded;
    private boolean ended;
    /** Message id to whether it was delivered. */
    private final Map<MessageId, Boolean> messages = new HashMap<>();

    VisitorSession() {
        // for Axon
    }

    @CommandHandler
    VisitorSession(StartVisitCommand command) {
        if (command.channel().isCall() && command.rings() == null) {
            throw new DomainException(ErrorCode.RINGS_REQUIRED_FOR_CALL, "a call needs the number of rings", "rings");
        }
        if (!command.channel().isCall() && command.rings() != null) {
            throw new DomainException(ErrorCode.RINGS_ONLY_FOR_CALLS, "only calls have rings", "rings");
        }
        if (command.rings() != null && command.rings() < 0) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "rings cannot be negative", "rings");
        }
        apply(new VisitStartedEvent(command.visitId(), command.centre(), command.channel(), command.purpose(),
                command.receptionist(), command.rings(), command.arrivedAt()));
    }

    /** The form's personal values are sealed with the visit's key before they reach the event. */
    @CommandHandler
    void handle(RecordRegistrationCommand command, PersonalDataVault vault) {
        requireOpen();
        apply(new VisitorRegisteredEvent(id, vault.seal(id, command.visitorName()), vault.seal(id, command.phone()),
                vault.seal(id, command.needs()), vault.seal(id, command.referralSource()), command.at()));
    }

    @CommandHandler
    void handle(AssignConsultantCommand command) {
        requireOpen();
        requireNotBeforeArrival(command.at());
        apply(new ConsultantAssignedEvent(id, command.consultant(), command.at()));
    }

    /** The reason is free text about the caller: sealed with the visit's key. */
    @CommandHandler
    void handle(TransferCallCommand command, PersonalDataVault vault) {
        requireOpen();
        if (!channel.isCall()) {
            throw new DomainException(ErrorCode.NOT_A_CALL, "only a call can be transferred");
        }
        if (command.to().equals(handler)) {
            throw new DomainException(ErrorCode.TRANSFER_TO_SAME_STAFF, "the call is already with that colleague",
                    "to");
        }
        apply(new CallTransferredEvent(id, handler, command.to(), vault.seal(id, command.reason()), command.at()));
    }

    @CommandHandler
    void handle(TakeMessageCommand command, PersonalDataVault vault) {
        requireOpen();
        if (messages.containsKey(command.messageId())) {
            throw new DomainException(ErrorCode.MESSAGE_ALREADY_TAKEN, "this message was already taken");
        }
        apply(new MessageTakenEvent(id, command.messageId(), command.recipient(),
                vault.seal(id, command.callbackNumber()), vault.seal(id, command.content()), command.at()));
    }

    /** Delivery completes a message taken earlier, so it is allowed after the visit ended. */
    @CommandHandler
    void handle(DeliverMessageCommand command) {
        Boolean delivered = messages.get(command.messageId());
        if (delivered == null) {
            throw new DomainException(ErrorCode.MESSAGE_NOT_FOUND, "no such message on this visit");
        }
        if (delivered) {
            throw new DomainException(ErrorCode.MESSAGE_ALREADY_DELIVERED, "the message was already delivered");
        }
        apply(new MessageDeliveredEvent(id, command.messageId(), command.deliveredBy(), command.at()));
    }

    @CommandHandler
    void handle(LinkMemberCommand command) {
        requireOpen();
        if (member != null) {
            throw new DomainException(ErrorCode.MEMBER_ALREADY_LINKED, "the visit is already linked to a member",
                    "memberId");
        }
        apply(new MemberLinkedEvent(id, command.memberId(), command.conversion(), command.at()));
    }

    /** The visitor's comment is sealed with the visit's key. */
    @CommandHandler
    void handle(RecordFeedbackCommand command, PersonalDataVault vault) {
        requireOpen();
        if (command.score() < 1 || command.score() > MAX_SCORE) {
            throw new DomainException(ErrorCode.FEEDBACK_SCORE_OUT_OF_RANGE, "score must be 1 to 5", "score");
        }
        if (feedbackRecorded) {
            throw new DomainException(ErrorCode.FEEDBACK_ALREADY_RECORDED, "feedback was already recorded");
        }
        apply(new FeedbackRecordedEvent(id, command.score(), vault.seal(id, command.comment()), command.at()));
    }

    @CommandHandler
    void handle(EndVisitCommand command) {
        requireOpen();
        requireNotBeforeArrival(command.at());
        apply(new VisitEndedEvent(id, command.outcome(), command.at()));
    }

    private void requireOpen() {
        if (ended) {
            throw new DomainException(ErrorCode.VISIT_ENDED, "the visit has ended; nothing more can be added");
        }
    }

    private void requireNotBeforeArrival(Instant at) {
        if (at.isBefore(arrivedAt)) {
            throw new DomainException(ErrorCode.TIME_BEFORE_ARRIVAL, "this cannot happen before the arrival", "at");
        }
    }

    @EventSourcingHandler
    void on(VisitStartedEvent event) {
        id = event.visitId();
        channel = event.channel();
        arrivedAt = event.arrivedAt();
        handler = event.receptionist();
    }

    @EventSourcingHandler
    void on(ConsultantAssignedEvent event) {
        handler = event.consultant();
    }

    @EventSourcingHandler
    void on(CallTransferredEvent event) {
        handler = event.to();
    }

    @EventSourcingHandler
    void on(MessageTakenEvent event) {
        messages.put(event.messageId(), false);
    }

    @EventSourcingHandler
    void on(MessageDeliveredEvent event) {
        messages.put(event.messageId(), true);
    }

    @EventSourcingHandler
    void on(MemberLinkedEvent event) {
        member = event.memberId();
    }

    @EventSourcingHandler
    void on(FeedbackRecordedEvent event) {
        feedbackRecorded = true;
    }

    @EventSourcingHandler
    void on(VisitEndedEvent event) {
        ended = true;
    }
}
