package com.deskledger.kernel.member.query;

import com.deskledger.kernel.CentreId;

/** Members of a centre, newest first, optionally matching {@code search} (name or phone). */
public record FindMembersQuery(CentreId centre, String search, int page, int size, boolean revealPersonal) {

    @Override
    public String toString() {
        return "FindMembersQuery[centre=" + centre + ", search hidden]";
    }
}
