package com.deskledger.command.notice;

import com.deskledger.command.directory.AggregateDirectory;
import com.deskledger.kernel.member.PackageKind;
import com.deskledger.kernel.member.event.MemberErasedEvent;
import com.deskledger.kernel.member.event.MemberUnfrozenEvent;
import com.deskledger.kernel.member.event.NoticeConsentChangedEvent;
import com.deskledger.kernel.member.event.PackagePurchasedEvent;
import com.deskledger.kernel.member.event.PurchaseRefundedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * What the outbox needs to know about members, kept up to date in the appending transaction (same subscribing
 * group as {@link NoticeOutbox}): who consented, on which channel, at which sealed address; and the end of each
 * time membership, for the expiry scan. Erasure forgets all of it and fails the member's notices not yet sent (their
 * address can never be read again).
 */
@Component
@ProcessingGroup(NoticeOutbox.PROCESSING_GROUP)
class NoticeRecipients {

    private static final String MEMBER_TYPE = "MemberAccount";

    private final JdbcTemplate jdbc;
    private final AggregateDirectory directory;

    NoticeRecipients(JdbcTemplate jdbc, AggregateDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    @EventHandler
    void on(NoticeConsentChangedEvent event) {
        String member = event.memberId().value();
        if (!event.consented()) {
            jdbc.update("delete from notice_recipient where member_id = ?", member);
            return;
        }
        jdbc.update("""
                insert into notice_recipient (member_id, centre, channel, address, consented_at) values (?, ?, ?, ?, ?)
                on conflict (member_id) do update set channel = excluded.channel, address = excluded.address,
                                                      consented_at = excluded.consented_at""",
                member, centreOf(member), event.channel().name(), event.address().value(),
                Timestamp.from(event.at()));
    }

    @EventHandler
    void on(PackagePurchasedEvent event) {
        if (event.kind() == PackageKind.TIME_MEMBERSHIP && event.validUntil() != null) {
            jdbc.update("""
                    insert into notice_membership (purchase_id, member_id, centre, valid_until) values (?, ?, ?, ?)
                    on conflict (purchase_id) do nothing""",
                    event.purchaseId().value(), event.memberId().value(), centreOf(event.memberId().value()),
                    Timestamp.from(event.validUntil()));
        }
    }

    @EventHandler
    void on(MemberUnfrozenEvent event) {
        event.extensions().forEach(extension -> jdbc.update(
                "update notice_membership set valid_until = ? where purchase_id = ?",
                Timestamp.from(extension.validUntil()), extension.purchaseId().value()));
    }

    @EventHandler
    void on(PurchaseRefundedEvent event) {
        if (event.membershipEndedAt() != null) {
            // a refunded membership has ended: nothing about it is left to tell
            jdbc.update("delete from notice_membership where purchase_id = ?", event.purchaseId().value());
        }
    }

    @EventHandler
    void on(MemberErasedEvent event) {
        String member = event.memberId().value();
        jdbc.update("delete from notice_recipient where member_id = ?", member);
        jdbc.update("delete from notice_membership where member_id = ?", member);
        jdbc.update("""
                update notice_outbox set recipient = null,
                       last_error = case when status = 'PENDING' then 'MEMBER_ERASED' else last_error end,
                       status = case when status = 'PENDING' then 'FAILED' else status end
                where member_id = ?""", member);
    }

    private String centreOf(String member) {
        return directory.centreOf(member, MEMBER_TYPE)
                .orElseThrow(() -> new IllegalStateException("a member the directory does not know"))
                .value();
    }
}
