package com.deskledger.command.web;

import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommandSenderConflictTest {

    /** Stands in for db-scheduler's exception of the same name (the command side does not depend on it). */
    static final class TaskInstanceCurrentlyExecutingException extends RuntimeException {
    }

    @Test
    void aConcurrentChangeAnywhereInTheCausesIsAConflict() {
        assertThat(CommandSender.isConflict(new IllegalStateException(new ConcurrencyException("taken")))).isTrue();
    }

    @Test
    void aDeadlineRunningWhileTheCommandCancelsItIsAConflictToTryAgain() {
        RuntimeException running = new RuntimeException("cancel failed", new RuntimeException(
                new com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException(
                        "deadline", "id")));
        assertThat(CommandSender.isConflict(running)).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(CommandSender.isConflict(new IllegalArgumentException("bad"))).isFalse();
        assertThat(CommandSender.isConflict(new RuntimeException(new TaskInstanceCurrentlyExecutingException())))
                .as("a class of the same simple name elsewhere").isFalse();
    }
}
