package com.deskledger.infra.integrity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Signs, once, the events stored before the application signed its appends (a store that predates migration V80),
 * as it finds them, and records that it did in {@code event_signing_start}. The first node to start does it, under
 * an advisory lock, in one transaction; every later start finds the record and signs nothing, so an event inserted
 * behind the application's back later is never adopted, whatever its index.
 */
@Component
class SigningStart implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SigningStart.class);
    /** A fixed advisory-lock key ("dlss"). */
    private static final long LOCK = 0x646c7373L;
    private static final int BATCH = 1_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EventSignatures signatures;

    SigningStart(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, EventSignatures signatures) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.signatures = signatures;
    }

    @Override
    public void afterPropertiesSet() {
        transactions.executeWithoutResult(status -> {
            if (started()) {
                return;
            }
            jdbc.execute("select pg_advisory_xact_lock(" + LOCK + ")");
            if (started()) {
                return;
            }
            long upTo = jdbc.queryForObject("select coalesce(max(globalindex), 0) from domainevententry", Long.class);
            long signed = 0;
            long after = 0;
            while (true) {
                List<EventSignatures.Appended> batch = jdbc.query("""
                        select globalindex, aggregateidentifier, sequencenumber, hash from domainevententry e
                        where globalindex > ? and globalindex <= ?
                          and not exists (select 1 from event_signature s where s.globalindex = e.globalindex)
                        order by globalindex limit ?""", (rs, n) -> new EventSignatures.Appended(rs.getLong(1),
                        rs.getString(2), rs.getLong(3), rs.getBytes(4)), after, upTo, BATCH);
                if (batch.isEmpty()) {
                    break;
                }
                jdbc.execute((ConnectionCallback<Void>) con -> {
                    signatures.sign(con, new ArrayList<>(batch));
                    return null;
                });
                signed += batch.size();
                after = batch.get(batch.size() - 1).globalIndex();
            }
            jdbc.update("insert into event_signing_start (id, adopted_up_to, adopted_count, adopted_at)"
                    + " values (1, ?, ?, now())", upTo, signed);
            if (signed > 0) {
                log.warn("Signed the {} events stored before the application signed its appends (global index up to"
                        + " {}), as found; from now on every event must carry the application's signature", signed,
                        upTo);
            }
        });
    }

    private boolean started() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from event_signing_start)",
                Boolean.class));
    }
}
