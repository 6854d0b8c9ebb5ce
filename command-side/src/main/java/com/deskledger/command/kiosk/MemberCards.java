package com.deskledger.command.kiosk;

import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberCardTokens;
import com.deskledger.kernel.member.MemberId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * The members' cards: one live card per member, kept as the hash of its token, and an audit row (who, when, which
 * request) for every issue and revocation, written in the same transaction.
 */
@Component
public class MemberCards {

    private final JdbcTemplate jdbc;

    MemberCards(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Issues a new card (replacing any live one, whose token is then refused) and answers its token, once. */
    @Transactional
    public String issue(MemberId member, CentreId centre, StaffId actor, Instant at, String correlationId) {
        String token = MemberCardTokens.newToken();
        jdbc.update("""
                insert into member_card (member_id, centre, token_hash, issued_at, issued_by) values (?, ?, ?, ?, ?)
                on conflict (member_id) do update set token_hash = excluded.token_hash,
                    issued_at = excluded.issued_at, issued_by = excluded.issued_by""",
                member.value(), centre.value(), MemberCardTokens.hash(token), Timestamp.from(at), actor.value());
        audit(member, centre, "ISSUED", actor, at, correlationId);
        return token;
    }

    /** Revokes the member's card; false when there was none (nothing is audited then). */
    @Transactional
    public boolean revoke(MemberId member, CentreId centre, StaffId actor, Instant at, String correlationId) {
        if (jdbc.update("delete from member_card where member_id = ?", member.value()) == 0) {
            return false;
        }
        audit(member, centre, "REVOKED", actor, at, correlationId);
        return true;
    }

    private void audit(MemberId member, CentreId centre, String action, StaffId actor, Instant at,
                       String correlationId) {
        jdbc.update("""
                insert into member_card_audit (member_id, centre, action, actor, at, correlation_id)
                values (?, ?, ?, ?, ?, ?)""", member.value(), centre.value(), action, actor.value(),
                Timestamp.from(at), correlationId);
    }
}
