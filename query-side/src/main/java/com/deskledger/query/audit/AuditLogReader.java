package com.deskledger.query.audit;

import com.deskledger.kernel.audit.query.AuditEventPage;
import com.deskledger.kernel.audit.query.AuditEventRow;
import com.deskledger.kernel.audit.query.SearchAuditEventsQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the audit log: pages for the search (a query handler) and a cursor for exports, which stream row by row
 * so an export of millions of events never sits in memory.
 */
@Component
class AuditLogReader {

    private static final int EXPORT_FETCH_SIZE = 1_000;

    private final NamedParameterJdbcTemplate jdbc;
    /** Its own template: a fetch size makes PostgreSQL stream through a cursor instead of loading every row. */
    private final NamedParameterJdbcTemplate exportJdbc;
    private final TransactionTemplate readOnly;

    AuditLogReader(NamedParameterJdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(EXPORT_FETCH_SIZE);
        this.exportJdbc = new NamedParameterJdbcTemplate(streaming);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @QueryHandler
    AuditEventPage search(SearchAuditEventsQuery query) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String sql = "select * from audit_event" + where(query, params) + " order by global_index desc limit :limit";
        params.addValue("limit", query.size() + 1);
        List<AuditEventRow> rows = jdbc.query(sql, params, (rs, n) -> row(rs));
        Long next = null;
        if (rows.size() > query.size()) {
            rows = rows.subList(0, query.size());
            next = rows.get(rows.size() - 1).globalIndex();
        }
        return new AuditEventPage(rows, next);
    }

    /** Streams every matching row, newest first, inside one read-only transaction with a server-side cursor. */
    void export(SearchAuditEventsQuery query, Consumer<AuditEventRow> sink) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String sql = "select * from audit_event" + where(query, params) + " order by global_index desc";
        readOnly.executeWithoutResult(status -> {
            // the cursor's transaction waits on the client between fetches: a slow download is no stalled append,
            // so the server's limit on idle transactions (which bounds how late an append commits) does not apply
            exportJdbc.getJdbcTemplate().execute("set local idle_in_transaction_session_timeout = 0");
            exportJdbc.query(sql, params, rs -> {
                sink.accept(row(rs));
            });
        });
    }

    private static String where(SearchAuditEventsQuery query, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder(" where centre in (:centres)");
        params.addValue("centres", query.centres().isEmpty() ? List.of("") : query.centres());
        if (query.actor() != null) {
            where.append(" and actor = :actor");
            params.addValue("actor", query.actor());
        }
        if (query.type() != null) {
            where.append(" and event_type = :type");
            params.addValue("type", query.type());
        }
        if (query.aggregate() != null) {
            where.append(" and aggregate_id = :aggregate");
            params.addValue("aggregate", query.aggregate());
        }
        if (query.correlationId() != null) {
            where.append(" and correlation_id = :correlation");
            params.addValue("correlation", query.correlationId());
        }
        if (query.from() != null) {
            where.append(" and occurred_at >= :from");
            params.addValue("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" and occurred_at < :to");
            params.addValue("to", Timestamp.from(query.to()));
        }
        if (query.before() != null) {
            where.append(" and global_index < :before");
            params.addValue("before", query.before());
        }
        return where.toString();
    }

    private static AuditEventRow row(ResultSet rs) throws SQLException {
        return new AuditEventRow(rs.getLong("global_index"), rs.getString("event_id"), rs.getString("aggregate_type"),
                rs.getString("aggregate_id"), (Long) rs.getObject("sequence_number"), rs.getString("event_type"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("roles"),
                rs.getString("centre"), rs.getString("correlation_id"), rs.getString("causation_id"),
                rs.getString("client_address"));
    }
}
