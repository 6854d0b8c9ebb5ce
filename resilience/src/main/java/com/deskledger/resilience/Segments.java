package com.deskledger.resilience;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/** The views' segments as the token table holds them: which node holds how many of each view's segments. */
final class Segments {

    private Segments() {
    }

    /** Per view: segments held per node ("-" for none). */
    static Map<String, Object> owners(String dbUrl) throws Exception {
        Map<String, Object> views = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select processorname, coalesce(owner, '-') as owner, count(*) as n "
                     + "from tokenentry group by 1, 2 order by 1, 2")) {
            while (rs.next()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> byNode = (Map<String, Object>) views.computeIfAbsent(rs.getString(1),
                        k -> new TreeMap<String, Object>());
                byNode.put(rs.getString(2), rs.getLong(3));
            }
        }
        return views;
    }

    /** Seconds from {@code sinceNs} until no segment is claimed by the node; null if not within the timeout. */
    static Double awaitNotOwnedBy(String dbUrl, String node, long sinceNs, int timeoutSeconds) throws Exception {
        return await(dbUrl, "select count(*) = 0 from tokenentry where owner = '" + node + "'", sinceNs,
                timeoutSeconds);
    }

    /** Seconds from {@code sinceNs} until the node holds a segment of every view; null if not within the timeout. */
    static Double awaitOwnedBy(String dbUrl, String node, long sinceNs, int timeoutSeconds) throws Exception {
        return await(dbUrl, "select count(distinct processorname) = (select count(distinct processorname) "
                + "from tokenentry) from tokenentry where owner = '" + node + "'", sinceNs, timeoutSeconds);
    }

    private static Double await(String dbUrl, String sql, long sinceNs, int timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "");
             Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery(sql)) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return Report.round2((System.nanoTime() - sinceNs) / 1e9);
                    }
                }
                Thread.sleep(100);
            }
        }
        return null;
    }
}
