package com.deskledger.infra.axon;

import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * A rule of the event store's appends (the storage engine calls it before each append): events are committed no
 * later than {@code maxAge} after they were created (their timestamp); a transaction that would commit them later is rolled back instead, right before
 * its commit, and the command answers 503 {@code COMMIT_TOO_LATE} having stored nothing.
 * <p>
 * Why: a streaming processor that reads an event with a higher global index than one still uncommitted remembers the
 * hole as a gap and asks for it again, but it forgets every gap once it reads an event whose timestamp is older than
 * the gap timeout (AxonFramework #4829, closed as won't fix). An event committed later than that is skipped by the
 * view for good. The rule bounds how late any event commits after its timestamp: by {@code maxAge} up to the check,
 * and by PostgreSQL's {@code idle_in_transaction_session_timeout} from the check to the commit (a paused process
 * loses its session and its transaction). With the gap timeout more than twice that sum, no event can commit late
 * enough to be skipped (see README "Every view exact").
 */
public final class AppendAgeBound implements Consumer<List<? extends EventMessage<?>>> {

    private final Duration maxAge;

    AppendAgeBound(Duration maxAge) {
        this.maxAge = maxAge;
    }

    /** Called with the events of an append before they are inserted. */
    @Override
    public void accept(List<? extends EventMessage<?>> events) {
        Instant oldest = events.stream().map(EventMessage::getTimestamp).min(Instant::compareTo).orElse(null);
        if (oldest != null) {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                commitCheck().include(oldest);
            } else {
                // the append is a transaction of its own, committed right after the insert
                refuseIfOlderThanAllowed(oldest);
            }
        }
    }

    private CommitCheck commitCheck() {
        if (TransactionSynchronizationManager.getResource(this) instanceof CommitCheck check) {
            return check;
        }
        CommitCheck check = new CommitCheck();
        TransactionSynchronizationManager.bindResource(this, check);
        TransactionSynchronizationManager.registerSynchronization(check);
        return check;
    }

    private void refuseIfOlderThanAllowed(Instant oldest) {
        Duration age = Duration.between(oldest, GenericEventMessage.clock.instant());
        if (age.compareTo(maxAge) > 0) {
            throw new DomainException(ErrorCode.COMMIT_TOO_LATE, "the command took " + age.toSeconds()
                    + " s to complete, longer than a view can safely wait for; nothing was stored, try again");
        }
    }

    /** The oldest event the transaction appends, checked just before it commits. */
    private final class CommitCheck implements TransactionSynchronization {

        private Instant oldest;

        void include(Instant timestamp) {
            if (oldest == null || timestamp.isBefore(oldest)) {
                oldest = timestamp;
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            refuseIfOlderThanAllowed(oldest);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(AppendAgeBound.this);
        }
    }
}
