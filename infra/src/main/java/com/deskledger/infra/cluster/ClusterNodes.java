package com.deskledger.infra.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The nodes sharing this database, as each one sees them: every {@code deskledger.cluster.heartbeat} this node writes
 * its row of {@code cluster_node} (database time) and reads which nodes beat within
 * {@code deskledger.cluster.node-timeout}, and how many segments each processor has. From that it answers how many
 * segments of a processor this node may claim ({@link #share}): the live nodes, sorted by id, each take
 * {@code segments / nodes}, the first {@code segments % nodes} one more; so the shares add up to the segments and
 * every node gets work as long as there are segments enough. Axon's pooled processor asks before each claim and
 * releases what is beyond the share (AxonFramework's {@code MaxSegmentProvider}), so a joining node gets its share
 * and a node's share of a node that stopped or died is taken over.
 * <p>
 * The first heartbeat is written while the application starts, before any processor claims a segment.
 */
@Component
public class ClusterNodes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterNodes.class);
    /** Rows of nodes gone for longer than this are deleted: the list shows recent departures, not all history. */
    private static final Duration FORGET_AFTER = Duration.ofHours(24);

    /** A node as the table shows it. */
    public record Node(String id, Instant startedAt, Instant lastSeen, boolean live, boolean self) {
    }

    private final JdbcTemplate jdbc;
    private final String self;
    private final Duration heartbeat;
    private final Duration nodeTimeout;
    private final int defaultSegments;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cluster-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    private volatile List<String> liveNodes = List.of();
    private volatile Map<String, Integer> segments = Map.of();
    private volatile boolean running;
    private volatile boolean started;

    public ClusterNodes(JdbcTemplate jdbc, @Value("${deskledger.node.id}") String self,
                        @Value("${deskledger.cluster.heartbeat:PT1S}") Duration heartbeat,
                        @Value("${deskledger.cluster.node-timeout:PT5S}") Duration nodeTimeout,
                        @Value("${deskledger.processors.initial-segments:4}") int defaultSegments) {
        if (nodeTimeout.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalStateException("deskledger.cluster.node-timeout must be at least twice "
                    + "deskledger.cluster.heartbeat, or a live node is taken for gone");
        }
        this.jdbc = jdbc;
        this.self = self;
        this.heartbeat = heartbeat;
        this.nodeTimeout = nodeTimeout;
        this.defaultSegments = defaultSegments;
        beat();
        log.info("This node is {} (deskledger.node.id); live nodes on this database: {}", self, liveNodes);
        timer.scheduleWithFixedDelay(this::beatQuietly, heartbeat.toMillis(), heartbeat.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** This node's id. */
    public String self() {
        return self;
    }

    /** The ids of the nodes that beat within the node timeout (this one included), sorted. */
    public List<String> liveNodes() {
        return liveNodes;
    }

    /** How many of the processor's segments this node may hold now (every segment while it is alone). */
    public int share(String processor) {
        return share(liveNodes, self, segments.getOrDefault(processor, defaultSegments));
    }

    /**
     * A node's share of {@code segments} among the live nodes (sorted ids): every segment while it is alone or not
     * (yet) among them; otherwise its even part, the first nodes one more while segments remain.
     */
    static int share(List<String> live, String node, int segments) {
        int rank = live.indexOf(node);
        if (rank < 0 || live.size() <= 1) {
            return Short.MAX_VALUE;
        }
        return segments / live.size() + (rank < segments % live.size() ? 1 : 0);
    }

    /** Every node of the table, live or gone in the last day. */
    public List<Node> nodes() {
        return jdbc.query("""
                select node_id, started_at, heartbeat_at, heartbeat_at > now() - make_interval(secs => ?) as live
                from cluster_node order by node_id""",
                (rs, n) -> new Node(rs.getString("node_id"), rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("heartbeat_at").toInstant(), rs.getBoolean("live"),
                        self.equals(rs.getString("node_id"))),
                seconds(nodeTimeout));
    }

    private void beatQuietly() {
        try {
            beat();
        } catch (DataAccessException | IllegalStateException e) {
            // the database is away: the views stop anyway; the next beat after it returns puts this node back
            log.debug("cluster heartbeat failed: {}", e.getClass().getSimpleName());
        }
    }

    private void beat() {
        if (!started) {
            jdbc.update("""
                    insert into cluster_node (node_id, started_at, heartbeat_at) values (?, now(), now())
                    on conflict (node_id) do update set started_at = now(), heartbeat_at = now()""", self);
            started = true;
        } else {
            int updated = jdbc.update("update cluster_node set heartbeat_at = now() where node_id = ?", self);
            if (updated == 0) {
                started = false;
                beat();
                return;
            }
        }
        List<String> live = jdbc.queryForList("""
                select node_id from cluster_node where heartbeat_at > now() - make_interval(secs => ?)
                order by node_id""", String.class, seconds(nodeTimeout));
        if (!live.equals(liveNodes) && !liveNodes.isEmpty()) {
            log.info("Live nodes now {} (was {})", live, liveNodes);
        }
        liveNodes = List.copyOf(live);
        Map<String, Integer> counts = new HashMap<>();
        jdbc.query("select processorname, count(*) as segments from tokenentry group by processorname",
                rs -> {
                    counts.put(rs.getString("processorname"), rs.getInt("segments"));
                });
        segments = Map.copyOf(counts);
        jdbc.update("delete from cluster_node where heartbeat_at < now() - make_interval(secs => ?)",
                seconds(FORGET_AFTER));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Leaves the table when the application stops, after the processors have released their segments (a phase
     * below Axon's), so the other nodes count this one out at once rather than after the node timeout.
     */
    @Override
    public void stop() {
        running = false;
        timer.shutdownNow();
        try {
            jdbc.update("delete from cluster_node where node_id = ?", self);
        } catch (DataAccessException e) {
            log.debug("could not leave cluster_node: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stopped after the phases that stop Axon's processors and the web server (Integer.MAX_VALUE - …)
        return Integer.MIN_VALUE + 1000;
    }

}
