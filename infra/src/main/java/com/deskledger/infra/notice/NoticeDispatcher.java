package com.deskledger.infra.notice;

import com.deskledger.kernel.PersonalDataVault;
import com.deskledger.kernel.Sealed;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.notice.NoticeKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpConnectException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the notice outbox to RabbitMQ, at least once. Each round claims due rows with {@code FOR UPDATE SKIP
 * LOCKED} (another node claims others, never the same), publishes each persistently with the idempotency key as
 * message id, waits for the broker's publisher confirm, and marks the row SENT in the same transaction; a nack, a
 * returned (unroutable) message, a timeout or a broker that does not answer puts the row back with a back-off
 * (doubling from {@code retry-first} up to {@code retry-max}) until {@code max-attempts}, then FAILED. A crash
 * between confirm and commit sends the row again, with the same message id: the gateway drops duplicates by it.
 * Only the address is opened here (with the member's key, so an erased member's notice can never be sent); it is
 * never logged. Runs only with {@code deskledger.notices.broker.enabled=true}.
 */
@Component
@ConditionalOnProperty(name = "deskledger.notices.broker.enabled", havingValue = "true")
class NoticeDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NoticeDispatcher.class);

    /** What goes onto the queue: ids, the template key, non-personal values, and the address to send to. */
    record NoticeMessage(String idempotencyKey, String kind, String template, String centre, String memberId,
                         String channel, String recipient, JsonNode params, Instant createdAt) {

        @Override
        public String toString() {
            return "NoticeMessage[" + idempotencyKey + ", recipient hidden]";
        }
    }

    private record Row(long id, String key, String kind, String centre, String member, String channel,
                       String recipient, String params, Instant createdAt, int attempts) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final RabbitTemplate rabbit;
    private final AmqpAdmin admin;
    private final PersonalDataVault vault;
    private final ObjectMapper json;
    private final Clock clock;
    private final NoticeProperties.Broker settings;
    private volatile boolean queueDeclared;
    private ScheduledExecutorService timer;

    NoticeDispatcher(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, RabbitTemplate rabbit,
                     AmqpAdmin admin, PersonalDataVault vault, ObjectMapper json, Clock clock,
                     NoticeProperties properties) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.rabbit = rabbit;
        this.admin = admin;
        this.vault = vault;
        this.json = json;
        this.clock = clock;
        this.settings = properties.getBroker();
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "notice-dispatcher");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.getPollInterval().toMillis();
        timer.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(settings.getConfirmTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    private void tick() {
        try {
            while (!Thread.currentThread().isInterrupted() && sendDue() == settings.getBatchSize()) {
                // a full round: more may be due
            }
        } catch (RuntimeException e) {
            log.warn("Notice delivery round failed; next round in {}: {}", settings.getPollInterval(),
                    e.getClass().getSimpleName());
        }
    }

    /** Claims the due rows and sends each; answers how many were claimed. */
    int sendDue() {
        Integer claimed = transactions.execute(status -> {
            List<Row> rows = jdbc.query("""
                    select id, idempotency_key, kind, centre, member_id, channel, recipient, params, created_at, attempts
                    from notice_outbox where status = 'PENDING' and next_attempt_at <= ?
                    order by next_attempt_at, id limit ? for update skip locked""",
                    (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getTimestamp(9).toInstant(), rs.getInt(10)),
                    Timestamp.from(clock.instant()), settings.getBatchSize());
            boolean reachable = true;
            for (Row row : rows) {
                if (reachable) {
                    reachable = send(row);
                } else {
                    // the broker did not answer for an earlier row: the rest wait their back-off without trying
                    retry(row, "BROKER_UNREACHABLE");
                }
            }
            return rows.size();
        });
        return claimed == null ? 0 : claimed;
    }

    /** Sends one row and records the outcome; answers false when the broker could not be reached at all. */
    private boolean send(Row row) {
        Optional<String> address = row.recipient() == null ? Optional.empty()
                : vault.open(MemberId.of(row.member()), Sealed.of(row.recipient()));
        if (address.isEmpty()) {
            jdbc.update("update notice_outbox set status = 'FAILED', recipient = null, last_error = ? where id = ?",
                    "ADDRESS_UNREADABLE", row.id());
            return true;
        }
        try {
            declareQueue();
            NoticeMessage body = new NoticeMessage(row.key(), row.kind(), NoticeKind.valueOf(row.kind()).template(),
                    row.centre(), row.member(), row.channel(), address.get(), json.readTree(row.params()),
                    row.createdAt());
            MessageProperties properties = new MessageProperties();
            properties.setMessageId(row.key());
            properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
            properties.setContentEncoding("UTF-8");
            properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
            properties.setType(row.kind());
            properties.setHeader("template", body.template());
            properties.setHeader("centre", row.centre());
            CorrelationData correlation = new CorrelationData(row.key());
            rabbit.send("", settings.getQueue(), new Message(json.writeValueAsBytes(body), properties), correlation);
            CorrelationData.Confirm confirm = correlation.getFuture()
                    .get(settings.getConfirmTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!confirm.isAck()) {
                retry(row, "NACK");
            } else if (correlation.getReturned() != null) {
                retry(row, "RETURNED");
            } else {
                jdbc.update("update notice_outbox set status = 'SENT', sent_at = ?, attempts = attempts + 1, "
                        + "last_error = null where id = ?", Timestamp.from(clock.instant()), row.id());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            retry(row, "INTERRUPTED");
        } catch (AmqpConnectException e) {
            retry(row, "BROKER_UNREACHABLE");
            return false;
        } catch (JsonProcessingException | RuntimeException | java.util.concurrent.ExecutionException
                 | java.util.concurrent.TimeoutException e) {
            retry(row, e.getClass().getSimpleName());
        }
        return true;
    }

    private void declareQueue() {
        if (!queueDeclared) {
            admin.declareQueue(new Queue(settings.getQueue(), true));
            queueDeclared = true;
        }
    }

    private void retry(Row row, String cause) {
        int attempts = row.attempts() + 1;
        if (attempts >= settings.getMaxAttempts()) {
            jdbc.update("update notice_outbox set status = 'FAILED', attempts = ?, last_error = ? where id = ?",
                    attempts, cause, row.id());
            log.warn("Notice {} failed for good after {} attempts: {}", row.id(), attempts, cause);
            return;
        }
        jdbc.update("update notice_outbox set attempts = ?, last_error = ?, next_attempt_at = ? where id = ?",
                attempts, cause, Timestamp.from(clock.instant().plus(backOff(attempts))), row.id());
        log.info("Notice {} not sent (attempt {}): {}", row.id(), attempts, cause);
    }

    Duration backOff(int attempts) {
        return backOff(settings.getRetryFirst(), settings.getRetryMax(), attempts);
    }

    /** retry-first after the first failure, doubling per further failure, never more than retry-max. */
    static Duration backOff(Duration first, Duration max, int attempts) {
        Duration delay = first;
        for (int i = 1; i < attempts && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
