package com.deskledger.command.notice;

import com.deskledger.kernel.member.MemberId;
import com.deskledger.kernel.notice.NoticeKind;

import java.util.Map;
import java.util.TreeMap;

/**
 * A notice an event calls for: its kind (the gateway's template), the member it is about, and the values the
 * template fills in. Values are never personal (class codes, rooms, times, counts, dates): the guardian's address is
 * added, sealed, from the consent when the row is written.
 */
public record NoticeDraft(NoticeKind kind, MemberId member, Map<String, String> params) {

    public NoticeDraft {
        if (kind == null || member == null) {
            throw new IllegalArgumentException("a notice names its kind and member");
        }
        params = params == null ? Map.of() : new TreeMap<>(params);
    }
}
