package com.deskledger.resilience;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The five experiments. Each gets a database of its own on the harness's PostgreSQL and fresh application nodes,
 * sets up the members and complaints all its clients share, runs its load with its fault, lets the system settle
 * (due deadlines fire, views catch up), and then runs every check. The figures of one experiment therefore
 * never mix with another's.
 */
final class Experiments {

    /** Who makes the shared members and complaints: a user the clients never use (see many-clients). */
    private static final String SET_UP_USER = "manager";

    private final Settings settings;
    private final Postgres pg;
    private final Path jar;
    private final Path out;
    /** Every node started, so that an interrupted run can still stop them. */
    final List<AppNode> started = new CopyOnWriteArrayList<>();

    Experiments(Settings settings, Postgres pg, Path jar, Path out) {
        this.settings = settings;
        this.pg = pg;
        this.jar = jar;
        this.out = out;
    }

    static String title(String name) {
        return switch (name) {
            case "app-kill" -> "kill -9 of the application mid-load, restart, continue";
            case "pg-restart" -> "pg_ctl restart -m fast mid-load";
            case "postmaster-kill" -> "kill -9 of the postmaster mid-load, start it again";
            case "two-nodes" -> "two application nodes on one database, the same members and complaints";
            case "haproxy" -> "three nodes behind HAProxy, kill -9 of one mid-load, started again";
            case "many-clients" -> "many clients on one node, from a cold start";
            default -> name;
        };
    }

    Map<String, Object> run(String name, int number) throws Exception {
        Resilience.log("=== experiment " + number + ": " + title(name));
        return switch (name) {
            case "app-kill" -> appKill(number);
            case "pg-restart" -> pgRestart(number);
            case "postmaster-kill" -> postmasterKill(number);
            case "two-nodes" -> twoNodes(number);
            case "haproxy" -> behindHaproxy(number);
            case "many-clients" -> manyClients(number);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** What one experiment holds while it runs. */
    private final class Run {
        final String name;
        final String dbUrl;
        final Ledger ledger;
        final World world;
        final List<AppNode> nodes = new ArrayList<>();
        final List<Http> https = new ArrayList<>();
        final Map<String, Object> result = new LinkedHashMap<>();
        HealthProbe probe;
        Load load;

        Run(String name, int number) throws Exception {
            this.name = name;
            this.dbUrl = pg.createDatabase("resilience_" + number + "_" + name.replace('-', '_'));
            this.ledger = new Ledger("rs" + number);
            this.world = new World(number * 10_000_000L + System.currentTimeMillis() % 1_000_000);
            result.put("title", title(name));
            result.put("loadAverageAtStart", loadAverage());
        }

        AppNode node(String nodeName, List<String> extra) throws Exception {
            List<String> args = new ArrayList<>(List.of(
                    "--deskledger.complaints.sla.major.first-response=" + settings.firstResponse(),
                    "--deskledger.complaints.sla.major.resolution=" + settings.resolution()));
            args.addAll(extra);
            AppNode node = new AppNode(nodeName, jar, dbUrl, out.resolve(name), args);
            Files.createDirectories(out.resolve(name));
            started.add(node);
            nodes.add(node);
            https.add(new Http(node, settings.requestTimeoutSeconds()));
            return node;
        }

        /** The members and complaints every client of this experiment works on, made through the first node. */
        void setUp() {
            Http http = https.get(0);
            for (int i = 0; i < settings.sharedMembers(); i++) {
                String id = Client.enrol(http, ledger, -1, true, world, SET_UP_USER);
                if (id == null) {
                    throw new IllegalStateException("could not enrol a shared member");
                }
                Http.Answer pack = http.command(ledger, -1, true, "package", SET_UP_USER, "/api/members/" + id
                        + "/packages", "{\"plan\":\"Year of classes\",\"kind\":\"CREDIT_PACK\",\"credits\":10000,"
                        + "\"price\":{\"minor\":9900000},\"paymentMethod\":\"TRANSFER\"}");
                if (!pack.ok()) {
                    throw new IllegalStateException("could not sell a shared member a pack: " + pack.status());
                }
                world.sharedMembers.add(id);
            }
            for (int i = 0; i < settings.sharedComplaints(); i++) {
                Http.Answer a = Client.fileComplaint(http, ledger, -1, true, world, false, SET_UP_USER);
                if (!a.ok()) {
                    throw new IllegalStateException("could not file a shared complaint: " + a.status());
                }
                world.sharedComplaints.add(a.id());
            }
        }

        void startLoad(int clients) {
            result.put("nodes", nodes.size());
            result.put("clients", clients);
            probe = new HealthProbe(nodes.get(0), ledger);
            probe.start();
            load = new Load(https, ledger, world, clients, ledger.t0);
            load.start();
        }

        void stopLoad() throws InterruptedException {
            load.stop(settings.requestTimeoutSeconds());
            probe.stop();
            result.put("loadSeconds", Report.round1((load.stoppedNs - load.startedNs) / 1e9));
        }

        /** Settle, then every check; stops the nodes. */
        Map<String, Object> finish(Long faultNs, Long restoredNs) throws Exception {
            List<Ledger.Command> commands = ledger.all();
            ledger.writeCsv(out.resolve(name).resolve("commands.csv"));
            result.put("commands", Timeline.answers(commands));
            result.putAll(Timeline.stall(commands, load.startedNs, load.stoppedNs, settings.maxStallMs()));
            if (faultNs != null) {
                result.put("fault", Timeline.recovery(commands, faultNs, restoredNs));
                result.put("health", Timeline.health(probe.probes(), faultNs, restoredNs));
            }
            Resilience.log("load done: " + result.get("commands"));
            Resilience.log("settling " + settings.settleSeconds() + " s (due deadlines fire, views catch up)");
            Thread.sleep(settings.settleSeconds() * 1000L);
            Http first = https.get(0);
            Map<String, Object> catchUp = Checks.catchUp(dbUrl, https, 180);
            result.put("catchUp", catchUp);
            result.put("deadlines", Checks.deadlines(dbUrl, settings.deadlineSlackSeconds()));
            Resilience.log("deadlines: " + result.get("deadlines"));
            // the other nodes stop first: a verification pauses the view's processor on the first node, and a
            // second node must not take the view's claim over and write to it meanwhile
            for (int i = 1; i < nodes.size(); i++) {
                nodes.get(i).stop();
            }
            @SuppressWarnings("unchecked")
            List<String> views = (List<String>) catchUp.get("views");
            result.put("views", Checks.views(first, views));
            result.put("hashChain", Checks.chain(first));
            Resilience.log("hash chain: " + result.get("hashChain"));
            result.put("store", Checks.store(dbUrl, ledger));
            Resilience.log("store: " + result.get("store"));
            nodes.get(0).stop();
            Map<String, Object> logs = new LinkedHashMap<>();
            for (AppNode node : nodes) {
                for (int s = 1; s <= node.starts(); s++) {
                    logs.put(node.log(s).getFileName().toString(), LogScan.scan(node.log(s)));
                }
            }
            result.put("logs", logs);
            result.put("loadAverageAtEnd", loadAverage());
            result.put("failures", Criteria.failures(name, result, settings));
            return result;
        }
    }

    /** Both nodes start at once, as a deployment of two would (and it halves the wait). */
    private static void startTogether(AppNode a, AppNode b) throws Exception {
        CompletableFuture<Double> second = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return b.start();
                    } catch (Exception e) {
                        throw new CompletionException(e);
                    }
                });
        a.start();
        second.join();
    }

    /**
     * The machine's load average (1, 5, 15 minutes) from /proc/loadavg: figures of a run on a busy machine are read
     * differently from a quiet one's.
     */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private List<String> none() {
        return List.of();
    }

    private Map<String, Object> appKill(int number) throws Exception {
        Run run = new Run("app-kill", number);
        AppNode node = run.node("node-a", none());
        node.start();
        run.setUp();
        run.startLoad(settings.clients());
        Thread.sleep(settings.beforeSeconds() * 1000L);
        long fault = run.ledger.now();
        node.kill();
        double restart = node.start();
        long restored = run.ledger.now();
        run.result.put("restartSeconds", Report.round1(restart));
        Thread.sleep(settings.afterSeconds() * 1000L);
        run.stopLoad();
        return run.finish(fault, restored);
    }

    private Map<String, Object> pgRestart(int number) throws Exception {
        Run run = new Run("pg-restart", number);
        run.node("node-a", none()).start();
        run.setUp();
        run.startLoad(settings.clients());
        Thread.sleep(settings.beforeSeconds() * 1000L);
        long fault = run.ledger.now();
        Resilience.log("pg_ctl restart -m fast");
        pg.restartFast();
        long restored = run.ledger.now();
        Resilience.log("PostgreSQL back after " + Report.round2((restored - fault) / 1e9) + " s");
        Thread.sleep(settings.afterSeconds() * 1000L);
        run.stopLoad();
        return run.finish(fault, restored);
    }

    private Map<String, Object> postmasterKill(int number) throws Exception {
        Run run = new Run("postmaster-kill", number);
        run.node("node-a", none()).start();
        run.setUp();
        run.startLoad(settings.clients());
        Thread.sleep(settings.beforeSeconds() * 1000L);
        long fault = run.ledger.now();
        long pid = pg.killPostmaster();
        long gone = run.ledger.now();
        Resilience.log("postmaster " + pid + " killed (kill -9), its backends gone after "
                + Report.round2((gone - fault) / 1e9) + " s; down for " + settings.outageSeconds() + " s");
        Thread.sleep(Math.max(0, settings.outageSeconds() * 1000L - (gone - fault) / 1_000_000));
        long starting = run.ledger.now();
        pg.start();
        long restored = run.ledger.now();
        run.result.put("postgresStartSeconds", Report.round2((restored - starting) / 1e9));
        Resilience.log("PostgreSQL started again (crash recovery took " + Report.round2((restored - starting) / 1e9)
                + " s), " + Report.round2((restored - fault) / 1e9) + " s after the kill");
        Thread.sleep(settings.afterSeconds() * 1000L);
        run.stopLoad();
        return run.finish(fault, restored);
    }

    private Map<String, Object> twoNodes(int number) throws Exception {
        Run run = new Run("two-nodes", number);
        AppNode a = run.node("node-a", none());
        AppNode b = run.node("node-b", none());
        startTogether(a, b);
        run.setUp();
        run.startLoad(settings.clients());
        Thread.sleep(settings.twoNodeSeconds() * 1000L);
        run.stopLoad();
        return run.finish(null, null);
    }

    /**
     * Issue 15's operator test: three nodes on one database behind HAProxy ({@code deploy/haproxy.cfg}), the clients
     * sending everything through HAProxy; node C is killed with kill -9 mid-load and started again later. Measured:
     * how long until no segment claim is node C's any more (its segments taken over by A and B), how long until C
     * holds segments again after its start, and the errors the clients saw.
     */
    private Map<String, Object> behindHaproxy(int number) throws Exception {
        Run run = new Run("haproxy", number);
        AppNode a = run.node("node-a", none());
        AppNode b = run.node("node-b", none());
        AppNode c = run.node("node-c", none());
        // one after another: three JVMs starting at once on two cores take longer than in turn
        a.start();
        b.start();
        c.start();
        // never started: it stands for HAProxy's frontend, whose port it draws, so that Http can address it
        AppNode front = new AppNode("haproxy", jar, run.dbUrl, out.resolve(run.name), none());
        Balancer haproxy = new Balancer(front.port, out.resolve(run.name), List.of(a, b, c));
        haproxy.start();
        List<Http> direct = new ArrayList<>(run.https);
        try {
            Map<String, Object> spread = Segments.owners(run.dbUrl);
            run.https.clear();
            run.https.add(new Http(front, settings.requestTimeoutSeconds()));
            run.setUp();
            run.startLoad(settings.clients());
            Thread.sleep(settings.beforeSeconds() * 1000L);
            spread = Segments.owners(run.dbUrl);
            long fault = System.nanoTime();
            c.kill();
            Double takeover = Segments.awaitNotOwnedBy(run.dbUrl, c.name, fault, 60);
            Resilience.log("node-c's segments taken over in " + takeover + " s");
            Thread.sleep(Math.max(0, settings.afterSeconds() * 1000L / 2 - (long) ((System.nanoTime() - fault) / 1e6)));
            c.start();
            // the node is back once it answers (its start takes long on a loaded machine)
            long restored = System.nanoTime();
            Double rejoin = Segments.awaitOwnedBy(run.dbUrl, c.name, restored, 60);
            Resilience.log("node-c holds segments again " + rejoin + " s after it was up");
            Thread.sleep(settings.afterSeconds() * 1000L / 2);
            Map<String, Object> after = Segments.owners(run.dbUrl);
            run.stopLoad();
            run.https.clear();
            run.https.addAll(direct);
            // in the results before finish(), whose criteria read them
            run.result.put("segmentsBeforeKill", spread);
            run.result.put("segmentsAtEnd", after);
            run.result.put("takeoverSeconds", takeover);
            run.result.put("rejoinSeconds", rejoin);
            return run.finish(fault, restored);
        } finally {
            haproxy.stop();
        }
    }

    private Map<String, Object> manyClients(int number) throws Exception {
        Run run = new Run("many-clients", number);
        AppNode node = run.node("node-a", List.of("--deskledger.security.auth-cache-ttl="
                + settings.authCacheTtl()));
        node.start();
        // the set-up runs as the manager, whom the load never uses: the load's first requests meet an empty
        // credentials cache, as after a restart
        run.setUp();
        run.startLoad(settings.manyClients());
        Thread.sleep(settings.manySeconds() * 1000L);
        run.stopLoad();
        Map<String, Object> r = run.finish(null, null);
        List<Long> perSecond = Timeline.perSecond(run.ledger.all(), run.load.startedNs, run.load.stoppedNs);
        r.put("perSecond", perSecond);
        r.put("authCacheTtl", settings.authCacheTtl().toString());
        return r;
    }
}
