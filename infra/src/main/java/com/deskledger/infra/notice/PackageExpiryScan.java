package com.deskledger.infra.notice;

import com.deskledger.command.notice.NoticeDraft;
import com.deskledger.command.notice.NoticeOutbox;
import com.deskledger.command.notice.NoticeRules;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.notice.NoticeKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells the guardian that a time membership ends within {@code deskledger.notices.expiry.days-before} days. The cause
 * is the clock, not an event, so the scan writes the outbox row itself: the idempotency key is the purchase and its
 * end ({@code purchaseId@validUntil:PACKAGE_EXPIRING}), so every node may scan, a membership is told about once per
 * end date, and an extension (a freeze) makes a new end that is told about again. Runs whether or not a broker is
 * configured: without one the notices wait in the outbox like the others.
 */
@Component
class PackageExpiryScan implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PackageExpiryScan.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final NoticeOutbox outbox;
    private final Clock clock;
    private final NoticeProperties.Expiry settings;
    private ScheduledExecutorService timer;

    PackageExpiryScan(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, NoticeOutbox outbox,
                      Clock clock, NoticeProperties properties) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.outbox = outbox;
        this.clock = clock;
        this.settings = properties.getExpiry();
    }

    @Override
    public void start() {
        Duration every = settings.getScanInterval();
        if (every == null || every.isZero() || every.isNegative()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "notice-expiry-scan");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::tick, Math.min(every.toMillis(), 10_000), every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            scan();
        } catch (RuntimeException e) {
            log.warn("The package-expiry scan failed; next in {}: {}", settings.getScanInterval(),
                    e.getClass().getSimpleName());
        }
    }

    /** Writes a notice for every consenting member's membership ending soon; answers how many were new. */
    int scan() {
        Instant now = clock.instant();
        Integer written = transactions.execute(status -> {
            int count = 0;
            for (Map<String, Object> row : jdbc.queryForList("""
                    select m.purchase_id, m.member_id, m.valid_until from notice_membership m
                    join notice_recipient r on r.member_id = m.member_id
                    where m.valid_until > ? and m.valid_until <= ?""",
                    Timestamp.from(now), Timestamp.from(now.plus(Duration.ofDays(settings.getDaysBefore()))))) {
                String purchase = (String) row.get("purchase_id");
                Instant until = ((Timestamp) row.get("valid_until")).toInstant();
                NoticeDraft draft = new NoticeDraft(NoticeKind.PACKAGE_EXPIRING,
                        MemberId.of((String) row.get("member_id")),
                        Map.of("purchaseId", purchase, "validUntil", until.toString()));
                if (outbox.write(draft, NoticeRules.clockKey(purchase, until, NoticeKind.PACKAGE_EXPIRING), null,
                        now)) {
                    count++;
                }
            }
            return count;
        });
        return written == null ? 0 : written;
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
