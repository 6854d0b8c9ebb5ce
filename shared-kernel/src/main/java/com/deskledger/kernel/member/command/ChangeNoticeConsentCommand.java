package com.deskledger.kernel.member.command;

import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.notice.NoticeChannel;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The guardian consents to notices on a channel at an address (a phone number, a WeChat id, an e-mail address, in
 * plain text: sealed by the aggregate), or withdraws consent ({@code consented} false, no channel, no address).
 */
public record ChangeNoticeConsentCommand(@TargetAggregateIdentifier MemberId memberId, boolean consented,
                                         NoticeChannel channel, String address, StaffId changedBy, Instant at) {

    @Override
    public String toString() {
        return "ChangeNoticeConsentCommand[memberId=" + memberId + ", consented=" + consented + ", channel=" + channel
                + ", address hidden]";
    }
}
