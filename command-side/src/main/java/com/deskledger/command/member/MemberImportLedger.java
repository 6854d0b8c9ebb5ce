package com.deskledger.command.member;

import com.deskledger.kernel.member.event.MemberImportedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records each imported row as IMPORTED in the transaction that appends its member's event (the subscribing
 * {@code member-identity} group, which also feeds the identity hashes there): an import's progress is never ahead
 * of or behind its events, so an import stopped anywhere resumes without a duplicate or a gap.
 */
@Component
@ProcessingGroup(MemberIdentities.PROCESSING_GROUP)
class MemberImportLedger {

    private final JdbcTemplate jdbc;

    MemberImportLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MemberImportedEvent event) {
        String importId = event.provenance().importId();
        jdbc.update("""
                insert into member_import_row (import_id, row_number, outcome, member_id)
                select ?, ?, 'IMPORTED', ? where exists (select 1 from member_import where import_id = ?)
                on conflict (import_id, row_number) do update set outcome = 'IMPORTED',
                    member_id = excluded.member_id, code = null""",
                importId, event.provenance().row(), event.memberId().value(), importId);
    }
}
