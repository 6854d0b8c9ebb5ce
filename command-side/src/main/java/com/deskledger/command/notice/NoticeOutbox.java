package com.deskledger.command.notice;

import com.deskledger.kernel.member.MemberId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes the notices an event calls for ({@link NoticeRules}) as outbox rows. A subscribing handler: it runs in the
 * transaction that appends the event, so a row commits or rolls back with its cause, and a failure here fails the
 * command. A notice is written only for a member whose guardian consented; the row copies the sealed address and
 * the channel from the consent. The idempotency key is the cause event's identifier and the notice's kind: written
 * twice, the row is still one.
 */
@Component
@ProcessingGroup(NoticeOutbox.PROCESSING_GROUP)
public class NoticeOutbox {

    public static final String PROCESSING_GROUP = "notice-outbox";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final NoticeRules rules;

    NoticeOutbox(JdbcTemplate jdbc, NoticeRules rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        for (NoticeDraft draft : rules.draftsFor(payload)) {
            write(draft, message.getIdentifier() + ":" + draft.kind().name(), message.getIdentifier(),
                    message.getTimestamp());
        }
    }

    /**
     * Writes one notice unless the member has no consenting guardian or the key was used already; answers whether a
     * row was written. {@code causeEventId} is null for notices the clock causes (expiry, reminders).
     */
    public boolean write(NoticeDraft draft, String idempotencyKey, String causeEventId, Instant createdAt) {
        List<Map<String, Object>> recipient = jdbc.queryForList(
                "select centre, channel, address from notice_recipient where member_id = ?", draft.member().value());
        if (recipient.isEmpty()) {
            return false;
        }
        Map<String, Object> to = recipient.get(0);
        return jdbc.update("""
                insert into notice_outbox (idempotency_key, kind, centre, member_id, channel, recipient, params,
                                           cause_event_id, created_at, status, next_attempt_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)
                on conflict (idempotency_key) do nothing""",
                idempotencyKey, draft.kind().name(), to.get("centre"), draft.member().value(), to.get("channel"),
                to.get("address"), json(draft.params()), causeEventId, Timestamp.from(createdAt),
                Timestamp.from(createdAt)) == 1;
    }

    /** Whether the member's guardian consented to notices (the rows' only gate). */
    public boolean consented(MemberId member) {
        return !jdbc.queryForList("select 1 from notice_recipient where member_id = ?", member.value()).isEmpty();
    }

    private static String json(Map<String, String> params) {
        try {
            return JSON.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notice values that are not JSON", e);
        }
    }
}
