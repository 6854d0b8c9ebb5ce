package com.deskledger.query.members;

import com.deskledger.query.web.ExactSums;
import com.deskledger.kernel.Money;
import com.deskledger.kernel.member.query.FindMemberQuery;
import com.deskledger.kernel.member.query.FindMemberTimelineQuery;
import com.deskledger.kernel.member.query.FindMembersQuery;
import com.deskledger.kernel.member.query.MemberPage;
import com.deskledger.kernel.member.query.MemberProfile;
import com.deskledger.kernel.member.query.MemberRow;
import com.deskledger.kernel.member.query.TimelineEntry;
import com.deskledger.kernel.member.query.TimelinePage;
import com.deskledger.query.web.Masking;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Answers member list, profile and timeline queries; masks personal data for roles that do not need it. */
@Component
class MembersQueryHandler {

    private final NamedParameterJdbcTemplate jdbc;

    MembersQueryHandler(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    MemberPage members(FindMembersQuery query) {
        String search = query.search() == null || query.search().isBlank() ? null : query.search().strip();
        String digits = search == null ? "" : search.replaceAll("\\D", "");
        MapSqlParameterSource params = new MapSqlParameterSource("centre", query.centre().value())
                .addValue("name", search == null ? null : "%" + search.replace("%", "") + "%")
                .addValue("digits", digits.length() < 3 ? null : "%" + digits + "%")
                .addValue("limit", query.size()).addValue("offset", (long) query.page() * query.size());
        String where = """
                where p.centre = :centre and (cast(:name as varchar) is null or p.name ilike :name
                    or (cast(:digits as varchar) is not null and (regexp_replace(coalesce(p.phone, ''), '\\D', '', 'g')
                        like :digits or regexp_replace(coalesce(p.guardian_phone, ''), '\\D', '', 'g') like :digits)))
                """;
        long total = jdbc.queryForObject("select count(*) from member_profile p " + where, params, Long.class);
        List<MemberRow> rows = jdbc.query("""
                select p.*,
                       (select coalesce(sum(credits_left), 0) from member_package k
                        where k.member_id = p.member_id and k.kind = 'CREDIT_PACK') as credits_left,
                       (select max(valid_until) from member_package k
                        where k.member_id = p.member_id and k.kind = 'TIME_MEMBERSHIP') as membership_until
                from member_profile p
                """ + where + """
                order by p.enrolled_at desc, p.member_id limit :limit offset :offset""",
                params, (rs, n) -> new MemberRow(rs.getString("member_id"), rs.getString("centre"),
                        rs.getString("kind"), name(rs, query.revealPersonal()),
                        phone(rs, "phone", query.revealPersonal()), name(rs, "guardian_name", query.revealPersonal()),
                        phone(rs, "guardian_phone", query.revealPersonal()), rs.getString("status"),
                        instant(rs, "enrolled_at"), rs.getLong("credits_left"), instant(rs, "membership_until")));
        return new MemberPage(rows, query.page(), query.size(), total);
    }

    /** Empty when the member is unknown to the view. */
    @QueryHandler
    Optional<MemberProfile> member(FindMemberQuery query) {
        MapSqlParameterSource params = new MapSqlParameterSource("member", query.memberId());
        List<MemberProfile.PackageRow> packages = jdbc.query("""
                select k.*, (select coalesce(sum(amount_minor), 0) from member_package_refund r
                             where r.purchase_id = k.purchase_id) as refunded
                from member_package k where k.member_id = :member order by k.purchased_at, k.purchase_id""",
                params, (rs, n) -> new MemberProfile.PackageRow(rs.getString("purchase_id"), rs.getString("plan"),
                        rs.getString("kind"), (Integer) rs.getObject("credits"),
                        (Integer) rs.getObject("credits_left"), instant(rs, "valid_from"),
                        instant(rs, "valid_until"), Money.of(rs.getLong("price_minor"), rs.getString("currency")),
                        Money.of(ExactSums.of(rs, "refunded"), rs.getString("currency")), rs.getBoolean("renewal"),
                        instant(rs, "purchased_at")));
        List<MemberProfile> found = jdbc.query("select * from member_profile where member_id = :member", params,
                (rs, n) -> {
                    boolean reveal = query.revealPersonal();
                    String idNumber = rs.getString("id_number");
                    return new MemberProfile(rs.getString("member_id"), rs.getString("centre"),
                            rs.getString("kind"), name(rs, reveal),
                            query.revealIdNumber() ? idNumber : Masking.idNumber(idNumber),
                            name(rs, "guardian_name", reveal), phone(rs, "guardian_phone", reveal),
                            phone(rs, "phone", reveal), reveal ? rs.getString("email") : Masking.email(
                                    rs.getString("email")), rs.getString("status"),
                            MembersProjection.ERASED.equals(rs.getString("status")), rs.getString("visit_id"),
                            instant(rs, "enrolled_at"), instant(rs, "frozen_since"), packages);
                });
        return found.stream().findFirst();
    }

    /** Empty when the member is unknown to the view. */
    @QueryHandler
    Optional<TimelinePage> timeline(FindMemberTimelineQuery query) {
        MapSqlParameterSource params = new MapSqlParameterSource("member", query.memberId())
                .addValue("limit", query.size()).addValue("offset", (long) query.page() * query.size());
        List<String> centre = jdbc.queryForList("select centre from member_profile where member_id = :member",
                params, String.class);
        if (centre.isEmpty()) {
            return Optional.empty();
        }
        long total = jdbc.queryForObject("select count(*) from member_timeline where member_id = :member", params,
                Long.class);
        List<TimelineEntry> items = jdbc.query("""
                select * from member_timeline where member_id = :member
                order by at desc, seq desc, entry_id limit :limit offset :offset""", params,
                (rs, n) -> new TimelineEntry(instant(rs, "at"), rs.getString("kind"), rs.getString("summary"),
                        rs.getObject("amount_minor") == null ? null
                                : Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
                        rs.getString("reference"), query.revealPersonal() ? rs.getString("note") : null));
        return Optional.of(new TimelinePage(query.memberId(), centre.get(0), items, query.page(), query.size(),
                total));
    }

    /** The member's name, or the erased marker once their data is gone. */
    private static String name(ResultSet rs, boolean reveal) throws SQLException {
        if (MembersProjection.ERASED.equals(rs.getString("status"))) {
            return MembersProjection.ERASED_NAME;
        }
        return name(rs, "name", reveal);
    }

    private static String name(ResultSet rs, String column, boolean reveal) throws SQLException {
        String name = rs.getString(column);
        return reveal ? name : Masking.name(name);
    }

    private static String phone(ResultSet rs, String column, boolean reveal) throws SQLException {
        String phone = rs.getString(column);
        return reveal ? phone : Masking.phone(phone);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
