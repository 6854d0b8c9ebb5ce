package com.deskledger.query.web;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A projection's writes, sent to PostgreSQL in JDBC batches. Inside a transaction (a processor's batch of events,
 * or a verification's rebuild) a statement is queued and the queue runs just before the transaction commits, in
 * the same transaction, so a view and its token still commit together. Without a transaction it runs at once.
 *
 * <p>The queue keeps the projection's order where it matters: a statement joins an earlier group of the same SQL
 * (one {@code batchUpdate}) only when no statement queued after that group touches any table it names; otherwise
 * it starts a new group at the end. Statements on different tables commute, so the view ends exactly as if every
 * statement had run at once. A read through {@link #query} first runs the queue, so a projection reads its own
 * writes. Projections that write through this must not read or write their tables any other way meanwhile.
 */
@Component
public class ViewWrites {

    private static final Pattern TABLE = Pattern.compile(
            "\\b(?:into|update|from|join)\\s+([a-z_][a-z0-9_.]*)", Pattern.CASE_INSENSITIVE);
    private static final Map<String, Set<String>> TABLES = new ConcurrentHashMap<>();

    private final JdbcTemplate jdbc;

    public ViewWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs the statement now, or queues it to run before the current transaction commits. */
    public void update(String sql, Object... args) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            jdbc.update(sql, args);
            return;
        }
        queue().add(sql, args);
    }

    /** Runs the queued statements, then the query. */
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        flush();
        return jdbc.query(sql, mapper, args);
    }

    /** Runs the queued statements, then the query. */
    public List<Map<String, Object>> queryForList(String sql, Object... args) {
        flush();
        return jdbc.queryForList(sql, args);
    }

    /** Runs the queued statements of the current transaction, if any. */
    public void flush() {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.getResource(this) instanceof Queue queue) {
            queue.run();
        }
    }

    private Queue queue() {
        if (TransactionSynchronizationManager.getResource(this) instanceof Queue queue) {
            return queue;
        }
        Queue queue = new Queue(jdbc);
        TransactionSynchronizationManager.bindResource(this, queue);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                queue.run();
            }

            /** A flush of the transaction (the dead-letter guard's, after each event it must pin down) runs it. */
            @Override
            public void flush() {
                queue.run();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(ViewWrites.this);
            }
        });
        return queue;
    }

    /** The tables a statement names (written, read or joined), lower case. */
    static Set<String> tables(String sql) {
        return TABLES.computeIfAbsent(sql, s -> {
            Set<String> found = new TreeSet<>();
            Matcher m = TABLE.matcher(s);
            while (m.find()) {
                String name = m.group(1).toLowerCase(Locale.ROOT);
                if (!name.equals("set")) { // "on conflict ... do update set"
                    found.add(name.substring(name.lastIndexOf('.') + 1));
                }
            }
            if (found.isEmpty()) {
                throw new IllegalArgumentException("no table found in a view statement");
            }
            return found;
        });
    }

    private static final class Group {
        final String sql;
        final Set<String> tables;
        final List<Object[]> args = new ArrayList<>();

        Group(String sql) {
            this.sql = sql;
            this.tables = tables(sql);
        }
    }

    private static final class Queue {
        private final JdbcTemplate jdbc;
        private final List<Group> groups = new ArrayList<>();

        Queue(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        void add(String sql, Object[] args) {
            Set<String> tables = tables(sql);
            for (int i = groups.size() - 1; i >= 0; i--) {
                Group group = groups.get(i);
                if (group.sql.equals(sql)) {
                    group.args.add(args);
                    return;
                }
                if (!disjoint(group.tables, tables)) {
                    break;
                }
            }
            Group group = new Group(sql);
            group.args.add(args);
            groups.add(group);
        }

        void run() {
            for (Group group : groups) {
                if (group.args.size() == 1) {
                    jdbc.update(group.sql, group.args.get(0));
                } else {
                    jdbc.batchUpdate(group.sql, group.args);
                }
            }
            groups.clear();
        }

        private static boolean disjoint(Set<String> a, Set<String> b) {
            for (String table : a) {
                if (b.contains(table)) {
                    return false;
                }
            }
            return true;
        }
    }
}
