package com.deskledger.infra.deadline;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.time.Instant;

/**
 * Axon's deadline task for db-scheduler, retried soon after a failure. Axon builds it with db-scheduler's default for
 * one-time tasks, which tries a failed execution again only after five minutes: a complaint's SLA breach whose
 * execution found no free connection (a node under load; the pool hands one out within 2 s or gives up) or met a
 * concurrent change of its complaint was recorded minutes late (the crash harness's 64-client run saw one due deadline
 * not fired a minute later). Here a failed execution is tried again after {@code first}, doubling per consecutive
 * failure up to {@code max}. The deadline handler is idempotent (a breach already recorded or made stale records
 * nothing), so a retry never records a breach twice.
 */
@Configuration
public class DeadlineRetries {

    /** Replaces Axon's task of the same qualifier (its auto-configuration backs off when one exists). */
    @Bean
    @Qualifier("deadlineDetailsTask")
    Task<DbSchedulerBinaryDeadlineDetails> dbSchedulerDeadlineDetailsTask(
            ApplicationContext context,
            @Value("${deskledger.deadlines.retry-first:PT1S}") Duration first,
            @Value("${deskledger.deadlines.retry-max:PT30S}") Duration max) {
        OneTimeTask<DbSchedulerBinaryDeadlineDetails> axons = (OneTimeTask<DbSchedulerBinaryDeadlineDetails>)
                DbSchedulerDeadlineManager.binaryTask(
                        () -> (DbSchedulerDeadlineManager) context.getBean(DeadlineManager.class));
        return new OneTimeTask<>(axons.getName(), DbSchedulerBinaryDeadlineDetails.class, new Backoff<>(first, max)) {
            @Override
            public void executeOnce(TaskInstance<DbSchedulerBinaryDeadlineDetails> instance,
                                    ExecutionContext executionContext) {
                axons.executeOnce(instance, executionContext);
            }
        };
    }

    /** Tries a failed execution again after {@code first} × 2^(failures − 1), at most {@code max}. */
    static final class Backoff<T> implements FailureHandler<T> {

        private final Duration first;
        private final Duration max;

        Backoff(Duration first, Duration max) {
            this.first = first;
            this.max = max;
        }

        @Override
        public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
            operations.reschedule(complete, next(complete.getTimeDone(),
                    complete.getExecution().consecutiveFailures + 1));
        }

        /** When to try again after the {@code failures}-th consecutive failure (1 for the first) that ended at done. */
        Instant next(Instant done, int failures) {
            Duration wait = first;
            for (int i = 1; i < failures && wait.compareTo(max) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return done.plus(wait.compareTo(max) > 0 ? max : wait);
        }
    }
}
