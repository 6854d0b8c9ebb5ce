package com.deskledger.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Writes a realistic year of several centres straight into the event store, row for row as the application stores
 * them (payload types and revisions, Jackson JSON of the event records, metadata of user, roles, centre,
 * correlation and causation id, per-aggregate sequence numbers, Axon's millisecond timestamps), plus the rows the
 * command side keeps beside the events: {@code aggregate_directory}, {@code personal_key} (one AES-256 key per
 * member and per visit that has personal data, and per complaint of a customer who is not a member; values sealed
 * with AES-GCM bound to the key id, exactly like {@code JdbcPersonalDataVault}), {@code member_identity}
 * (HMAC-SHA256 with the database's own secret, like {@code IdentityHasher}/{@code MemberIdentities}),
 * {@code member_visit} and {@code shift_slot}. Events go in with COPY through the hash-chain trigger of V40, so the
 * chains are those the application would have written.
 *
 * <p>The JSON shapes were taken from rows the application itself wrote for every event type used here (a run of
 * each command through the API); {@link #check} compares the field names of generated rows with rows the
 * application wrote in the same database, type by type.
 *
 * <p>The year: each centre has a weekly timetable of class sessions (tens a day, in four rooms), each with a roster
 * of members who check in (most), ask for leave or do not come; members buy credit packs (or a year's membership)
 * and buy again when the credits run out, buy products, sometimes get a refund; the front desk takes walk-ins and
 * calls (registration, messages, enrolments from visits); complaints go through their steps over days; shifts are
 * scheduled a week ahead, clocked in and out, and record a head-count of every session they cover. Events are
 * written in time order, day by day, ending now (later steps of open work are left undone, as in a live store).
 */
final class StoreGenerator {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter AXON_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);
    private static final String K = "com.deskledger.kernel.";
    private static final String[] ROOMS = {"Pool", "Room 1", "Room 2", "Gym"};
    private static final String[][] CLASSES = {
            {"SWIM-BEG", "Swimming beginners", "Pool"}, {"SWIM-INT", "Swimming intermediate", "Pool"},
            {"BABY-SWIM", "Baby swimming", "Pool"}, {"GYM-KIDS", "Kids gymnastics", "Gym"},
            {"BALLET", "Ballet", "Room 1"}, {"HIPHOP", "Hip-hop dance", "Room 1"},
            {"TAEKWONDO", "Taekwondo", "Room 2"}, {"YOGA", "Yoga", "Room 2"}, {"PILATES", "Pilates", "Gym"},
            {"ART", "Art and craft", "Room 2"}, {"MUSIC", "Early music", "Room 1"}, {"LEGO", "Lego robotics", "Room 2"}};
    private static final String[] TEACHERS = {"Teacher Li", "Teacher Wang", "Teacher Zhang", "Teacher Liu",
            "Teacher Chen", "Teacher Yang", "Teacher Zhao", "Teacher Huang", "Teacher Zhou", "Teacher Wu"};
    private static final String[] SURNAMES = {"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou",
            "Wu", "Xu", "Sun", "Hu", "Zhu", "Gao", "Lin", "He", "Guo", "Ma", "Luo"};
    private static final String[] GIVEN = {"Wei", "Fang", "Na", "Min", "Jing", "Li", "Qiang", "Lei", "Jun", "Yang",
            "Yong", "Yan", "Jie", "Tao", "Ming", "Chao", "Xiu", "Xia", "Ping", "Hui", "Xiaoming", "Haoran", "Yuxuan",
            "Zihan", "Ruoxi", "Yichen", "Zimo", "Xinyi", "Jiayi", "Muchen"};
    private static final String[][] PRODUCTS = {
            {"TOWEL", "Towel", "MERCHANDISE", "3000"}, {"GOGGLES", "Swimming goggles", "MERCHANDISE", "6800"},
            {"CAP", "Swimming cap", "MERCHANDISE", "2500"}, {"WATER", "Bottle of water", "OTHER", "500"},
            {"TSHIRT", "Centre T-shirt", "MERCHANDISE", "8800"}, {"PLUSH", "Plush toy", "TOY", "5900"},
            {"PUZZLE", "Puzzle", "TOY", "4500"}, {"PARTY-S", "Birthday party (small room)", "BIRTHDAY_PARTY",
            "120000"}};
    private static final String[] PAYMENTS = {"WECHAT_PAY", "WECHAT_PAY", "WECHAT_PAY", "ALIPAY", "ALIPAY", "CARD",
            "CASH", "TRANSFER"};
    private static final String[] COMPLAINT_CATEGORIES = {"SERVICE", "COURSE_PRODUCT", "FACILITY", "BILLING",
            "STAFF_CONDUCT", "SAFETY", "OTHER"};
    private static final String[] COMPLAINT_CHANNELS = {"WALK_IN", "PHONE", "PHONE", "EMAIL", "ONLINE", "LETTER"};
    private static final String[] COMPLAINT_TEXTS = {"The class started fifteen minutes late and nobody told the"
            + " parents", "The changing room was cold and the shower did not work", "We were charged twice for the"
            + " same pack", "The teacher was rude to my child", "The pool was too crowded on Saturday",
            "Nobody answered the phone for a whole afternoon", "A locker door is broken and cut my hand"};

    private final String dbUrl;
    private final int targetEvents;
    private final List<String> centres;
    private final SplittableRandom rnd;
    private final Instant now = Instant.now();
    private final LocalDate today = LocalDate.now(ZONE);
    private final LocalDate firstDay;
    private final double scale;

    // the queue of events not yet written, in time order (ties in the order they were made)
    private final PriorityQueue<Ev> queue = new PriorityQueue<>((a, b) -> a.at.equals(b.at)
            ? Long.compare(a.order, b.order) : a.at.compareTo(b.at));
    private long order;
    private final Map<String, Integer> sequences = new HashMap<>();
    private final Map<String, Long> eventsByType = new java.util.TreeMap<>();
    private long events;
    private long aggregates;

    // side tables, written with the events of the same day
    private final StringBuilder eventRows = new StringBuilder(1 << 22);
    private final StringBuilder directoryRows = new StringBuilder();
    private final StringBuilder keyRows = new StringBuilder();
    private final StringBuilder identityRows = new StringBuilder();
    private final StringBuilder memberVisitRows = new StringBuilder();
    private final StringBuilder slotRows = new StringBuilder();
    private int pendingEventRows;

    private final Map<String, byte[]> keys = new HashMap<>();
    private final java.util.Set<String> onLeave = new java.util.HashSet<>();
    private final Cipher cipher;
    private final Mac mac;
    private long phoneCounter;

    // samples for the queries phase
    final Map<String, Object> samples = new LinkedHashMap<>();

    StoreGenerator(String dbUrl, int targetEvents, List<String> centres, long seed) throws Exception {
        this.dbUrl = dbUrl;
        this.targetEvents = targetEvents;
        this.centres = centres;
        this.rnd = new SplittableRandom(seed);
        this.firstDay = today.minusDays(364);
        // about 540 events a centre a day at scale 1 (95,473 events at scale 0.099, of which about 17,600 are the
        // shifts, which do not scale); 530 leaves a margin so that the store reaches the target
        this.scale = Math.max(0.02, targetEvents / (365.0 * centres.size() * 530.0));
        this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        this.mac = Mac.getInstance("HmacSHA256");
    }

    // ------------------------------------------------------------------ the model

    /** One event waiting to be written. */
    private record Ev(Instant at, long order, String aggregate, String type, String payloadType, String revision,
                      String payload, String centre, String user, String correlation, String causation) {
    }

    /** Who did it: user name and the roles as the application writes them (sorted, without ROLE_). */
    private record Who(String user, String roles) {
    }

    private final class Centre {
        final String id;
        final Who reception;
        final Who supervisor;
        final Who manager;
        final boolean closedMondays;
        final List<Slot> slots = new ArrayList<>();
        final List<Member> members = new ArrayList<>();
        final ArrayDeque<Slot> openSeats = new ArrayDeque<>();
        final List<String> staff = new ArrayList<>();
        final Map<LocalDate, Shift[]> shifts = new HashMap<>();
        int invoice;

        Centre(String id) {
            this.id = id;
            String suffix = "main".equals(id) ? "" : "-" + id;
            reception = new Who("reception" + suffix, "RECEPTIONIST");
            supervisor = new Who("supervisor" + suffix, "RECEPTIONIST,SUPERVISOR");
            manager = new Who("manager" + suffix, "MANAGER,RECEPTIONIST,SUPERVISOR");
            closedMondays = "east".equals(id);
            for (int i = 1; i <= 8; i++) {
                staff.add("staff-" + id + "-" + i);
            }
        }
    }

    /** A weekly class: day, local start, class, room, teacher, roster. */
    private static final class Slot {
        DayOfWeek day;
        LocalTime start;
        String code;
        String name;
        String room;
        String teacher;
        final List<Member> roster = new ArrayList<>();
        int seats;
    }

    private static final class Member {
        String id;
        String centre;
        boolean child;
        boolean timeMembership;
        String purchase;
        int credits;
        Instant since;
        LocalDate leavesAfter;
        final List<Slot> slots = new ArrayList<>();
        final List<String[]> sales = new ArrayList<>(); // purchase id, product line, amount, at
    }

    private static final class Shift {
        String id;
        String staff;
        Instant start;
        Instant end;
        boolean clockedIn;
    }

    /** Alone, against a database the application has migrated: {@code <jdbc url> <events> [centres]}. */
    public static void main(String[] args) throws Exception {
        StoreGenerator g = new StoreGenerator(args[0], Integer.parseInt(args[1]),
                List.of((args.length > 2 ? args[2] : "main,east,north,south").split(",")), 7);
        System.out.println(Bench.JSON.writeValueAsString(g.run()));
        System.out.println(g.samples);
    }

    // ------------------------------------------------------------------ the run

    private void identityKey() throws Exception {
        byte[] identitySecret;
        try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select secret from member_identity_secret where id = 1")) {
            r.next();
            identitySecret = r.getBytes(1);
        }
        mac.init(new SecretKeySpec(identitySecret, "HmacSHA256"));
    }

    /**
     * One adult member of centre main with a long history, as the application would have stored it: enrolled years
     * ago with a pack of credits, then two classes on most days until today ({@code total} events in all). The
     * member's state keeps only the sessions of its last 31 days, whatever the length of the history, so this is
     * the member a desk meets after years, not {@code total} check-ins to future classes sent through the API.
     * Answers the member's id.
     */
    String longMember(int total) throws Exception {
        identityKey();
        Centre c = new Centre("main");
        int checkIns = total - 2;
        LocalDate first = today.minusDays(checkIns / 2 + 1);
        Instant enrolled = first.minusDays(1).atTime(10, 0).atZone(ZONE).toInstant();
        String id = uuid();
        String key = "member:" + id;
        String name = fullName();
        String phone = phone();
        directory(id, "MemberAccount", c.id, enrolled);
        emit(enrolled, id, "MemberAccount", "member.event.MemberEnrolledEvent", "1", new J().s("memberId", id)
                .s("centre", c.id).s("kind", "ADULT").s("name", seal(key, name, enrolled))
                .s("phone", seal(key, phone, enrolled)).s("currency", "CNY").s("enrolledBy", c.reception.user)
                .s("at", enrolled.toString()), c.id, c.reception, uuid());
        identityRows.append(id).append('\t').append(c.id).append('\t')
                .append(hmac("phone|" + phone + "|" + hmac("name|" + normalName(name)))).append('\t')
                .append("PHONE").append('\t').append(hmac("name|" + normalName(name))).append('\n');
        String pack = uuid();
        int credits = checkIns + 200; // credits left for the benchmark's own check-ins
        Instant bought = enrolled.plusSeconds(120);
        emit(bought, id, "MemberAccount", "member.event.PackagePurchasedEvent", "1", new J().s("memberId", id)
                .s("purchaseId", pack).s("plan", "Adult " + credits + " classes").s("kind", "CREDIT_PACK")
                .n("credits", credits).raw("price", money(credits * 12000L)).s("paymentMethod", "TRANSFER")
                .b("renewal", false).s("soldBy", c.reception.user).s("at", bought.toString()), c.id, c.reception,
                uuid());
        for (int i = 0; i < checkIns; i++) {
            LocalDate day = first.plusDays(i / 2);
            Instant start = day.atTime(i % 2 == 0 ? LocalTime.of(10, 0) : LocalTime.of(18, 30)).atZone(ZONE)
                    .toInstant();
            Instant at = start.minusSeconds(60 + rnd.nextInt(600));
            if (at.isAfter(now)) {
                at = now.minusSeconds(checkIns - i);
            }
            credits--;
            emit(at, id, "MemberAccount", "member.event.ClassCheckedInEvent", "1", new J().s("memberId", id)
                    .raw("session", new J().s("classCode", i % 2 == 0 ? "ADULT-YOGA" : "ADULT-ENGLISH")
                            .s("scheduledStart", start.toString()).s("room", "Room " + (1 + i % 2)).toString())
                    .s("coveredBy", pack).b("creditConsumed", true).n("creditsLeft", credits)
                    .s("checkedInBy", c.reception.user).s("at", at.toString()), c.id, c.reception, uuid());
        }
        try (Connection conn = DriverManager.getConnection(dbUrl, "postgres", "")) {
            conn.setAutoCommit(false);
            CopyManager copy = conn.unwrap(PGConnection.class).getCopyAPI();
            drain(now.plusSeconds(3600), copy);
            flush(copy);
            conn.commit();
        }
        return id;
    }

    Map<String, Object> run() throws Exception {
        long t0 = System.nanoTime();
        identityKey();
        List<Centre> all = new ArrayList<>();
        for (String id : centres) {
            all.add(timetable(new Centre(id)));
        }
        try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "")) {
            c.setAutoCommit(false);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (LocalDate day = firstDay; !day.isAfter(today); day = day.plusDays(1)) {
                for (Centre centre : all) {
                    day(centre, day);
                }
                Instant end = day.plusDays(1).atStartOfDay(ZONE).toInstant();
                drain(end.isAfter(now) ? now : end, copy);
                flush(copy);
                c.commit();
                if (day.getDayOfMonth() == 1) {
                    Bench.log("generated up to " + day + ": " + events + " events");
                }
            }
            flush(copy);
            c.commit();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("analyze");
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("events", events);
        r.put("aggregates", aggregates);
        r.put("centres", centres);
        r.put("from", firstDay.toString());
        r.put("to", today.toString());
        r.put("seconds", Bench.round(seconds));
        r.put("eventsPerSecond", Bench.round(events / seconds));
        r.put("secondsInCopy", Bench.round(copyNanos / 1e9));
        r.put("scale", Math.round(scale * 1000) / 1000.0);
        r.put("eventsByType", eventsByType);
        r.put("method", "bench StoreGenerator: JSON rows as the application writes them, COPY into domainevententry"
                + " through the V40 hash-chain trigger, with aggregate_directory, personal_key (AES-GCM sealed"
                + " personal data), member_identity (HMAC), member_visit and shift_slot rows");
        Bench.log("generated " + events + " events in " + aggregates + " aggregates in " + Bench.round(seconds)
                + " s");
        return r;
    }

    // ------------------------------------------------------------------ timetable and one day

    private Centre timetable(Centre centre) {
        int perDay = Math.max(2, (int) Math.round(34 * scale));
        for (DayOfWeek day : DayOfWeek.values()) {
            if (centre.closedMondays && day == DayOfWeek.MONDAY) {
                continue;
            }
            boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
            int n = weekend ? perDay * 13 / 10 : perDay;
            for (int i = 0; i < n; i++) {
                Slot slot = new Slot();
                slot.day = day;
                slot.room = ROOMS[i % ROOMS.length];
                String[] cls;
                do {
                    cls = CLASSES[rnd.nextInt(CLASSES.length)];
                } while (!cls[2].equals(slot.room));
                // rooms turn over every hour from 09:00 to 20:00; several rooms run at once
                int hour = 9 + (i / ROOMS.length) % 12;
                slot.start = LocalTime.of(hour, (i / (ROOMS.length * 12)) % 2 == 0 ? 0 : 30);
                slot.code = cls[0] + "-" + (1 + i % 3);
                slot.name = cls[1];
                slot.teacher = TEACHERS[rnd.nextInt(TEACHERS.length)];
                slot.seats = 8 + rnd.nextInt(7);
                centre.slots.add(slot);
                for (int s = 0; s < slot.seats; s++) {
                    centre.openSeats.add(slot);
                }
            }
        }
        // seats are taken in a random order
        List<Slot> seats = new ArrayList<>(centre.openSeats);
        java.util.Collections.shuffle(seats, new java.util.Random(rnd.nextLong()));
        centre.openSeats.clear();
        centre.openSeats.addAll(seats);
        return centre;
    }

    private void day(Centre c, LocalDate day) {
        if (c.closedMondays && day.getDayOfWeek() == DayOfWeek.MONDAY) {
            return;
        }
        // shifts are scheduled a week ahead (the first week on the first morning)
        if (day.equals(firstDay)) {
            for (int d = 0; d < 7; d++) {
                scheduleShifts(c, day.plusDays(d), day.atTime(7, 0).atZone(ZONE).toInstant().plusSeconds(60L * d));
            }
        }
        // leaves asked for two days ahead (outside the 24-hour late-leave window: no credit used)
        LocalDate ahead = day.plusDays(2);
        for (Slot slot : c.slots) {
            if (slot.day == ahead.getDayOfWeek()) {
                Instant start = ahead.atTime(slot.start).atZone(ZONE).toInstant();
                for (Member m : slot.roster) {
                    if (rnd.nextInt(100) < 3 && start.minusSeconds(3 * 24 * 3600).isAfter(m.since)) {
                        Instant at = day.atTime(10, 0).atZone(ZONE).toInstant().plusSeconds(rnd.nextInt(9 * 3600));
                        emit(at, m.id, "MemberAccount", "member.event.LeaveRequestedEvent", "1", new J()
                                .s("memberId", m.id).raw("session", session(slot, start)).b("late", false)
                                .b("creditConsumed", false).s("reason", seal("member:" + m.id, pick("family trip",
                                        "school exam", "visiting grandparents"), at))
                                .s("recordedBy", c.reception.user).s("at", at.toString()), c.id, c.reception,
                                uuid());
                        onLeave.add(m.id + "@" + start);
                    }
                }
            }
        }
        scheduleShifts(c, day.plusDays(7), day.atTime(17, 0).atZone(ZONE).toInstant());
        Shift[] shifts = c.shifts.remove(day);
        if (shifts != null) {
            for (Shift s : shifts) {
                workShift(c, s);
            }
        }
        // the desk: walk-ins and calls over the opening hours; enrolments fill free seats (many in the first month)
        int visits = (int) Math.round(rnd.nextInt(36, 52) * scale);
        int dayIndex = (int) ChronoUnit.DAYS.between(firstDay, day);
        int enrolments = dayIndex < 30 ? (c.openSeats.size() + 29 - dayIndex) / (30 - dayIndex) : 0;
        enrolments += Math.min(c.openSeats.size(), rnd.nextInt(0, 3));
        for (int i = 0; i < visits + enrolments; i++) {
            Instant at = day.atTime(9, 0).atZone(ZONE).toInstant().plusSeconds(rnd.nextLong(12 * 3600));
            visit(c, at, i < enrolments && !c.openSeats.isEmpty());
        }
        // classes of the day
        for (Slot slot : c.slots) {
            if (slot.day == day.getDayOfWeek()) {
                session(c, slot, day, shifts);
            }
        }
        // shop sales and refunds
        int sales = (int) Math.round(rnd.nextInt(5, 12) * scale);
        for (int i = 0; i < sales && !c.members.isEmpty(); i++) {
            Member m = c.members.get(rnd.nextInt(c.members.size()));
            Instant at = day.atTime(9, 30).atZone(ZONE).toInstant().plusSeconds(rnd.nextLong(11 * 3600));
            if (at.isAfter(m.since)) {
                sale(c, m, at);
            }
        }
        // complaints
        double complaints = 1.3 * scale;
        int n = (int) complaints + (rnd.nextDouble() < complaints - (int) complaints ? 1 : 0);
        for (int i = 0; i < n; i++) {
            Instant at = day.atTime(9, 0).atZone(ZONE).toInstant().plusSeconds(rnd.nextLong(11 * 3600));
            complaint(c, at);
        }
        // members who stop coming free their seats
        for (Member m : c.members) {
            if (m.leavesAfter != null && m.leavesAfter.equals(day)) {
                for (Slot s : m.slots) {
                    s.roster.remove(m);
                    c.openSeats.add(s);
                }
                m.slots.clear();
            }
        }
    }

    // ------------------------------------------------------------------ visits and members

    private void visit(Centre c, Instant at, boolean enrols) {
        String visit = uuid();
        directory(visit, "VisitorSession", c.id, at);
        Who desk = c.reception;
        int kind = rnd.nextInt(100);
        String channel = enrols ? (rnd.nextBoolean() ? "WALK_IN" : "CALL_IN")
                : kind < 45 ? "WALK_IN" : kind < 85 ? "CALL_IN" : kind < 97 ? "MEMBER" : "PARTNER";
        String purpose = enrols ? "ENROLMENT" : pick("CONSULTATION", "CONSULTATION", "CLASS_PICK_UP", "BOOKING",
                "BOOKING", "PURCHASE", "OTHER", "ENROLMENT");
        J p = new J().s("visitId", visit).s("centre", c.id).s("channel", channel).s("purpose", purpose)
                .s("receptionist", desk.user);
        if ("CALL_IN".equals(channel)) {
            p.n("rings", 1 + rnd.nextInt(6));
        }
        p.s("arrivedAt", at.toString());
        String corr = uuid();
        emit(at, visit, "VisitorSession", "visit.event.VisitStartedEvent", "1", p, c.id, desk, corr);
        Instant t = at.plusSeconds(30 + rnd.nextInt(300));
        boolean registered = enrols || rnd.nextInt(100) < 25;
        String name = fullName();
        String phone = phone();
        if (registered) {
            emit(t, visit, "VisitorSession", "visit.event.VisitorRegisteredEvent", "3", new J()
                    .s("visitId", visit).s("visitorName", seal("visit:" + visit, name, t))
                    .s("phone", seal("visit:" + visit, phone, t))
                    .s("needs", seal("visit:" + visit, "Looking for " + pick("swimming", "dance", "gymnastics",
                            "art", "yoga") + " classes", t))
                    .s("referralSource", seal("visit:" + visit, pick("friend", "WeChat", "flyer", "walked past",
                            "school"), t))
                    .s("at", t.toString()), c.id, desk, uuid());
            t = t.plusSeconds(60 + rnd.nextInt(600));
        }
        if (!enrols && rnd.nextInt(100) < 15) {
            emit(t, visit, "VisitorSession", "visit.event.MessageTakenEvent", "2", new J()
                    .s("visitId", visit).s("messageId", uuid()).s("recipient", pick(TEACHERS))
                    .s("callbackNumber", seal("visit:" + visit, phone, t))
                    .s("content", seal("visit:" + visit, "Please call back about the trial class on "
                            + pick("Saturday", "Sunday", "Wednesday"), t))
                    .s("at", t.toString()), c.id, desk, uuid());
            t = t.plusSeconds(30 + rnd.nextInt(120));
        } else if (!enrols && rnd.nextInt(100) < 10) {
            emit(t, visit, "VisitorSession", "visit.event.ConsultantAssignedEvent", "1", new J()
                    .s("visitId", visit).s("consultant", "consultant-" + c.id + "-" + (1 + rnd.nextInt(3)))
                    .s("at", t.toString()), c.id, desk, uuid());
            t = t.plusSeconds(300 + rnd.nextInt(1200));
        }
        String outcome;
        if (enrols) {
            enrol(c, t, visit, name, phone);
            t = t.plusSeconds(120 + rnd.nextInt(300));
            outcome = "ENROLLED";
        } else {
            outcome = pick("RESOLVED", "RESOLVED", "RESOLVED", "FOLLOW_UP_NEEDED", "NO_INTEREST");
        }
        emit(t, visit, "VisitorSession", "visit.event.VisitEndedEvent", "1", new J().s("visitId", visit)
                .s("outcome", outcome).s("at", t.toString()), c.id, desk, uuid());
        if (samples.get("visit") == null && "main".equals(c.id) && at.isAfter(now.minus(Duration.ofDays(2)))
                && t.isBefore(now)) {
            samples.put("visit", visit);
        }
    }

    private void enrol(Centre c, Instant at, String visit, String visitorName, String phone) {
        Member m = new Member();
        m.id = uuid();
        m.centre = c.id;
        m.since = at.plusSeconds(3600);
        m.child = rnd.nextInt(100) < 75;
        m.timeMembership = !m.child && rnd.nextInt(100) < 60;
        directory(m.id, "MemberAccount", c.id, at);
        String key = "member:" + m.id;
        String name = m.child ? pick(SURNAMES) + " " + pick(GIVEN) + pick(GIVEN).toLowerCase(Locale.ROOT)
                : visitorName;
        J p = new J().s("memberId", m.id).s("centre", c.id).s("kind", m.child ? "CHILD" : "ADULT")
                .s("name", seal(key, name, at));
        String idNumber = !m.child && rnd.nextInt(100) < 40 ? "110101" + (1970 + rnd.nextInt(35))
                + String.format("%08d", ++phoneCounter) : null;
        if (idNumber != null) {
            p.s("idNumber", seal(key, idNumber, at));
        }
        if (m.child) {
            p.s("guardianName", seal(key, visitorName, at)).s("guardianPhone", seal(key, phone, at));
        } else {
            p.s("phone", seal(key, phone, at));
            if (rnd.nextInt(100) < 30) {
                p.s("email", seal(key, "member" + phoneCounter + "@example.com", at));
            }
        }
        p.s("visitId", visit).s("currency", "CNY").s("enrolledBy", c.reception.user).s("at", at.toString());
        String corr = uuid();
        emit(at, m.id, "MemberAccount", "member.event.MemberEnrolledEvent", "1", p, c.id, c.reception, corr);
        emit(at, visit, "VisitorSession", "visit.event.MemberLinkedEvent", "1", new J().s("visitId", visit)
                .s("memberId", m.id).b("conversion", true).s("at", at.toString()), c.id, c.reception, corr,
                uuid(), at.plusMillis(300));
        // the identity lookup and the member's visits, as MemberIdentities writes them
        String nameKey = hmac("name|" + normalName(name));
        String basis;
        String hash;
        if (idNumber != null) {
            basis = "ID_NUMBER";
            hash = hmac("id|" + idNumber.toUpperCase(Locale.ROOT));
        } else {
            basis = m.child ? "GUARDIAN_PHONE" : "PHONE";
            hash = hmac("phone|" + phone + "|" + nameKey);
        }
        identityRows.append(m.id).append('\t').append(c.id).append('\t').append(hash).append('\t').append(basis)
                .append('\t').append(nameKey).append('\n');
        memberVisitRows.append(visit).append('\t').append(m.id).append('\n');
        c.members.add(m);
        // one or two weekly classes, on different days
        int classes = rnd.nextInt(100) < 30 ? 2 : 1;
        for (int i = 0; i < classes && !c.openSeats.isEmpty(); i++) {
            Slot s = c.openSeats.poll();
            if (m.slots.stream().anyMatch(x -> x.day == s.day)) {
                c.openSeats.add(s);
                continue;
            }
            s.roster.add(m);
            m.slots.add(s);
        }
        // most stay for the year; some stop after a few months
        if (rnd.nextInt(100) < 35) {
            m.leavesAfter = LocalDate.ofInstant(at, ZONE).plusDays(60 + rnd.nextInt(200));
        }
        buyPackage(c, m, at.plusSeconds(60 + rnd.nextInt(120)));
    }

    private void buyPackage(Centre c, Member m, Instant at) {
        m.purchase = uuid();
        J p = new J().s("memberId", m.id).s("purchaseId", m.purchase);
        if (m.timeMembership) {
            LocalDate from = LocalDate.ofInstant(at, ZONE);
            p.s("plan", "Year membership").s("kind", "TIME_MEMBERSHIP")
                    .s("validFrom", from.atStartOfDay(ZONE).toInstant().toString())
                    .s("validUntil", from.plusDays(365).atStartOfDay(ZONE).toInstant().toString())
                    .raw("price", money(rnd.nextBoolean() ? 480000 : 580000));
        } else {
            int credits = rnd.nextInt(100) < 60 ? 20 : 40;
            m.credits = credits;
            p.s("plan", (m.child ? "Kids " : "Adult ") + credits + " classes").s("kind", "CREDIT_PACK")
                    .n("credits", credits).raw("price", money(credits * (m.child ? 15000L : 12000L)));
        }
        p.s("paymentMethod", pick(PAYMENTS));
        if (rnd.nextBoolean()) {
            p.s("invoiceNumber", "INV-" + c.id.toUpperCase(Locale.ROOT) + "-" + (++c.invoice));
        }
        p.b("renewal", false).s("soldBy", c.reception.user).s("at", at.toString());
        emit(at, m.id, "MemberAccount", "member.event.PackagePurchasedEvent", "1", p, c.id, c.reception, uuid());
    }

    private static String session(Slot slot, Instant start) {
        return new J().s("classCode", slot.code).s("scheduledStart", start.toString()).s("room", slot.room)
                .toString();
    }

    private void session(Centre c, Slot slot, LocalDate day, Shift[] shifts) {
        Instant start = day.atTime(slot.start).atZone(ZONE).toInstant();
        String startText = start.toString();
        String session = session(slot, start);
        int present = 0;
        for (Member m : new ArrayList<>(slot.roster)) {
            if (start.minusSeconds(1800).isBefore(m.since) || onLeave.remove(m.id + "@" + start)) {
                continue;
            }
            int dice = rnd.nextInt(100);
            if (!m.timeMembership && m.credits == 0) {
                buyPackage(c, m, start.minusSeconds((dice < 4 ? 5 * 3600 : 1800) + rnd.nextInt(1200)));
            }
            if (dice < 4) {
                // a same-day leave, inside the 24-hour window: late, and a credit is used
                Instant at = start.minusSeconds(2 * 3600 + rnd.nextInt(2 * 3600));
                J p = new J().s("memberId", m.id).raw("session", session).b("late", true);
                if (m.timeMembership) {
                    p.b("creditConsumed", false);
                } else {
                    m.credits--;
                    p.b("creditConsumed", true).s("chargedTo", m.purchase).n("creditsLeft", m.credits);
                }
                p.s("reason", seal("member:" + m.id, pick("ill", "a cold", "stuck in traffic"), at))
                        .s("recordedBy", c.reception.user).s("at", at.toString());
                emit(at, m.id, "MemberAccount", "member.event.LeaveRequestedEvent", "1", p, c.id, c.reception,
                        uuid());
                continue;
            }
            if (dice < 9) {
                // no-show, recorded after the start: a credit is used
                Instant at = start.plusSeconds(1800 + rnd.nextInt(1800));
                J p = new J().s("memberId", m.id).raw("session", session);
                if (m.timeMembership) {
                    p.b("creditConsumed", false);
                } else {
                    m.credits--;
                    p.b("creditConsumed", true).s("chargedTo", m.purchase).n("creditsLeft", m.credits);
                }
                p.s("recordedBy", c.reception.user).s("at", at.toString());
                emit(at, m.id, "MemberAccount", "member.event.NoShowRecordedEvent", "1", p, c.id, c.reception,
                        uuid());
                continue;
            }
            Instant at = start.minusSeconds(60 + rnd.nextInt(15 * 60));
            J p = new J().s("memberId", m.id).raw("session", session).s("coveredBy", m.purchase);
            if (m.timeMembership) {
                p.b("creditConsumed", false);
            } else {
                m.credits--;
                p.b("creditConsumed", true).n("creditsLeft", m.credits);
            }
            p.s("checkedInBy", c.reception.user).s("at", at.toString());
            emit(at, m.id, "MemberAccount", "member.event.ClassCheckedInEvent", "1", p, c.id, c.reception, uuid());
            present++;
            if (samples.get("member") == null && "main".equals(c.id) && at.isAfter(now.minus(Duration.ofDays(3)))
                    && at.isBefore(now)) {
                samples.put("member", m.id);
            }
        }
        // the head-count, by the shift on duty
        Shift duty = null;
        if (shifts != null) {
            for (Shift s : shifts) {
                if (s.clockedIn && !start.isBefore(s.start) && start.isBefore(s.end)) {
                    duty = s;
                    break;
                }
            }
        }
        if (duty != null && present > 0) {
            Instant at = start.plusSeconds(300 + rnd.nextInt(600));
            emit(at, duty.id, "Shift", "shift.event.HeadCountRecordedEvent", "1", new J().s("shiftId", duty.id)
                    .s("headCountId", uuid()).s("classId", slot.code + "@" + startText).s("className", slot.name)
                    .s("scheduledStart", startText).s("room", slot.room).n("count", present + rnd.nextInt(2))
                    .s("teacher", slot.teacher).s("by", duty.staff).s("at", at.toString()), c.id,
                    new Who(duty.staff, "RECEPTIONIST"), uuid());
        }
    }

    private void sale(Centre c, Member m, Instant at) {
        String purchase = uuid();
        int lines = 1 + rnd.nextInt(3);
        StringBuilder list = new StringBuilder("[");
        long total = 0;
        for (int i = 1; i <= lines; i++) {
            String[] product = PRODUCTS[rnd.nextInt(i == 1 ? PRODUCTS.length : PRODUCTS.length - 1)];
            int quantity = "PARTY-S".equals(product[0]) ? 1 : 1 + rnd.nextInt(3);
            long unit = Long.parseLong(product[3]);
            total += unit * quantity;
            if (i > 1) {
                list.append(',');
            }
            list.append(new J().n("line", i).s("productCode", product[0]).s("description", product[1])
                    .s("category", product[2]).n("quantity", quantity).raw("unitPrice", money(unit))
                    .raw("amount", money(unit * quantity)));
            if (i == 1) {
                m.sales.add(new String[] {purchase, product[0], Long.toString(unit), at.toString()});
            }
        }
        list.append(']');
        J p = new J().s("memberId", m.id).s("purchaseId", purchase).raw("lines", list.toString())
                .raw("total", money(total)).s("paymentMethod", pick(PAYMENTS));
        if (rnd.nextInt(100) < 30) {
            p.s("invoiceNumber", "INV-" + c.id.toUpperCase(Locale.ROOT) + "-" + (++c.invoice));
        }
        p.s("soldBy", c.reception.user).s("at", at.toString());
        emit(at, m.id, "MemberAccount", "member.event.ProductsSoldEvent", "1", p, c.id, c.reception, uuid());
        int dice = rnd.nextInt(100);
        if (dice < 4) {
            // returned within the cooling-off week: refunded at the desk
            Instant when = at.plusSeconds(3600 + rnd.nextLong(4 * 24 * 3600));
            refund(c, m, purchase, m.sales.get(m.sales.size() - 1), when, null, true);
        } else if (dice < 6) {
            // after the cooling-off week: a request that a manager approves a few days later
            Instant when = at.plusSeconds(8 * 24 * 3600 + rnd.nextLong(10 * 24 * 3600));
            String[] line = m.sales.get(m.sales.size() - 1);
            String refund = uuid();
            String lineJson = "[" + new J().n("line", 1).s("productCode", line[1]).n("quantity", 1)
                    .raw("amount", money(Long.parseLong(line[2]))) + "]";
            emit(when, m.id, "MemberAccount", "member.event.RefundRequestedEvent", "1", new J().s("memberId", m.id)
                    .s("refundId", refund).s("purchaseId", purchase).raw("amount", money(Long.parseLong(line[2])))
                    .raw("lines", lineJson).s("reason", seal("member:" + m.id, "faulty, found late", when))
                    .s("requestedBy", c.reception.user).s("at", when.toString()), c.id, c.reception, uuid());
            refund(c, m, purchase, line, when.plusSeconds(3600 * (20 + rnd.nextInt(60))), refund, false);
        }
    }

    private void refund(Centre c, Member m, String purchase, String[] line, Instant at, String requested,
                        boolean coolingOff) {
        long amount = Long.parseLong(line[2]);
        String lineJson = "[" + new J().n("line", 1).s("productCode", line[1]).n("quantity", 1)
                .raw("amount", money(amount)) + "]";
        Who who = coolingOff ? c.reception : c.manager;
        J p = new J().s("memberId", m.id).s("refundId", requested == null ? uuid() : requested)
                .s("purchaseId", purchase).s("purchaseKind", "PRODUCTS").raw("amount", money(amount))
                .raw("lines", lineJson).n("creditsRevoked", 0).b("withinCoolingOff", coolingOff);
        if (!coolingOff) {
            p.s("approvedBy", c.manager.user);
        }
        p.s("reason", seal("member:" + m.id, coolingOff ? "changed my mind" : "faulty, found late", at))
                .s("refundedBy", who.user).s("at", at.toString());
        emit(at, m.id, "MemberAccount", "member.event.PurchaseRefundedEvent", "1", p, c.id, who, uuid());
    }

    // ------------------------------------------------------------------ complaints

    private void complaint(Centre c, Instant at) {
        String id = uuid();
        directory(id, "ComplaintCase", c.id, at);
        boolean major = rnd.nextInt(100) < 12;
        String corr = uuid();
        String cause = uuid();
        J customer = new J();
        // revision 2: the customer's data and every free text sealed with the member's key, else the complaint's
        String key = "complaint:" + id;
        if (!c.members.isEmpty() && rnd.nextBoolean()) {
            String member = c.members.get(rnd.nextInt(c.members.size())).id;
            customer.s("memberId", member);
            key = "member:" + member;
        }
        customer.s("name", seal(key, fullName(), at)).s("phone", seal(key, phone(), at));
        Who desk = c.reception;
        emit(at, id, "ComplaintCase", "complaint.event.ComplaintFiledEvent", "2", new J().s("complaintId", id)
                .s("centre", c.id).s("channel", pick(COMPLAINT_CHANNELS)).raw("customer", customer.toString())
                .s("category", pick(COMPLAINT_CATEGORIES)).s("description", seal(key, pick(COMPLAINT_TEXTS), at))
                .s("severity", major ? "MAJOR" : "GENERAL").s("filedBy", desk.user).s("at", at.toString()),
                c.id, desk, corr, cause, at);
        if (major) {
            emit(at, id, "ComplaintCase", "complaint.event.ComplaintEscalatedEvent", "2", new J()
                    .s("complaintId", id).s("from", "HANDLER").s("to", "MANAGER").s("reason", "MAJOR_SEVERITY")
                    .s("by", desk.user).s("at", at.toString()), c.id, desk, corr, cause, at);
        }
        Duration first = Duration.ofHours(major ? 1 : 4);
        Duration resolution = Duration.ofHours(major ? 8 : 24);
        for (String[] clock : new String[][] {{"FIRST_RESPONSE", first.toString()},
                {"RESOLUTION", resolution.toString()}}) {
            Duration d = Duration.parse(clock[1]);
            emit(at, id, "ComplaintCase", "complaint.event.SlaClockStartedEvent", "1", new J()
                    .s("complaintId", id).s("clock", clock[0]).s("target", clock[1])
                    .s("dueAt", at.plus(d).toString()).s("at", at.toString()), c.id, desk, corr, cause, at);
        }
        if (rnd.nextInt(100) < 5) {
            Instant w = at.plusSeconds(1800 + rnd.nextInt(6 * 3600));
            emit(w, id, "ComplaintCase", "complaint.event.ComplaintWithdrawnEvent", "2", new J()
                    .s("complaintId", id).s("reason", seal(key, "sorted out with the teacher", w))
                    .s("by", desk.user)
                    .s("at", w.toString()), c.id, desk, uuid());
            return;
        }
        Who handler = major ? c.manager : c.supervisor;
        // first response: triage within the target
        Instant t = at.plusSeconds(300 + rnd.nextLong(first.getSeconds() - 600));
        String tc = uuid();
        String tcause = uuid();
        emit(t, id, "ComplaintCase", "complaint.event.ComplaintTriagedEvent", "1", new J().s("complaintId", id)
                .s("nature", pick("Delay", "Facilities", "Billing error", "Attitude", "Crowding", "Safety"))
                .s("department", pick("Teaching", "Front desk", "Facilities", "Finance"))
                .s("severity", major ? "MAJOR" : "GENERAL").s("previousSeverity", major ? "MAJOR" : "GENERAL")
                .s("by", handler.user).s("at", t.toString()), c.id, handler, tc, tcause, t);
        emit(t, id, "ComplaintCase", "complaint.event.SlaClockStoppedEvent", "1", new J().s("complaintId", id)
                .s("clock", "FIRST_RESPONSE").n("businessSeconds", Duration.between(at, t).getSeconds())
                .b("breached", false).s("at", t.toString()), c.id, handler, tc, tcause, t);
        t = t.plusSeconds(60 + rnd.nextInt(1800));
        emit(t, id, "ComplaintCase", "complaint.event.ComplaintAssignedEvent", "1", new J().s("complaintId", id)
                .s("handler", handler.user).s("by", handler.user).s("at", t.toString()), c.id, handler, uuid());
        int notes = 1 + rnd.nextInt(3);
        for (int i = 0; i < notes; i++) {
            t = t.plusSeconds(1800 + rnd.nextInt(4 * 3600));
            emit(t, id, "ComplaintCase", "complaint.event.InvestigationNoteAddedEvent", "2", new J()
                    .s("complaintId", id).s("text", seal(key, pick("Called the parent back and apologised",
                            "Checked the teacher's timetable", "Spoke to the facilities team",
                            "Looked at the payment records", "Watched the camera recording"), t))
                    .s("by", handler.user).s("at", t.toString()), c.id, handler, uuid());
        }
        // resolution: most within the target, some late (the SLA breach is recorded at the due time)
        Instant due = at.plus(resolution);
        Instant r = rnd.nextInt(100) < 15 ? due.plusSeconds(600 + rnd.nextInt(24 * 3600))
                : t.plusSeconds(600 + rnd.nextInt(3600));
        if (r.isAfter(due) && !t.isAfter(due) && rnd.nextInt(100) < 70) {
            r = due.minusSeconds(1 + rnd.nextInt((int) Math.max(1, Duration.between(t, due).getSeconds())));
        }
        boolean late = r.isAfter(due);
        if (late) {
            // the deadline manager's breach: recorded at the due time, one level up unless at the top
            String dc = uuid();
            emit(due, id, "ComplaintCase", "complaint.event.SlaBreachedEvent", "1", new J().s("complaintId", id)
                    .s("clock", "RESOLUTION").s("level", major ? "MANAGER" : "HANDLER").s("at", due.toString()),
                    c.id, new Who(null, null), null, dc, due);
            if (!major) {
                emit(due, id, "ComplaintCase", "complaint.event.ComplaintEscalatedEvent", "2", new J()
                        .s("complaintId", id).s("from", "HANDLER").s("to", "SUPERVISOR").s("reason", "SLA_BREACH")
                        .s("at", due.toString()), c.id, new Who(null, null), null, dc, due);
            }
        }
        String rc = uuid();
        String rcause = uuid();
        J proposal = new J().s("complaintId", id).s("summary", seal(key, pick("Free make-up class",
                "Refund of one class", "Apology and a voucher", "Locker repaired", "Timetable changed"), r));
        if (rnd.nextInt(100) < 30) {
            proposal.raw("compensation", new J().s("type", pick("VOUCHER", "REFUND")).n("amountMinor",
                    5000 + 1000L * rnd.nextInt(20)).s("currency", "CNY").toString());
        }
        proposal.s("by", handler.user).s("at", r.toString());
        emit(r, id, "ComplaintCase", "complaint.event.ResolutionProposedEvent", "2", proposal, c.id, handler, rc,
                rcause, r);
        emit(r, id, "ComplaintCase", "complaint.event.SlaClockStoppedEvent", "1", new J().s("complaintId", id)
                .s("clock", "RESOLUTION").n("businessSeconds", Duration.between(at, r).getSeconds())
                .b("breached", late).s("at", r.toString()), c.id, handler, rc, rcause, r);
        Instant closed = r.plusSeconds(1800 + rnd.nextInt(2 * 24 * 3600));
        String cc = uuid();
        String ccause = uuid();
        emit(closed, id, "ComplaintCase", "complaint.event.ComplaintClosedEvent", "2", new J().s("complaintId", id)
                .s("comment", seal(key, pick("fine", "thank you", "acceptable"), closed)).s("by", handler.user)
                .s("at", closed.toString()), c.id, handler, cc, ccause, closed);
        emit(closed, id, "ComplaintCase", "complaint.event.FollowUpCallScheduledEvent", "1", new J()
                .s("complaintId", id).s("dueAt", closed.plus(Duration.ofDays(7)).toString())
                .s("at", closed.toString()), c.id, handler, cc, ccause, closed);
        Instant follow = closed.plus(Duration.ofDays(7)).plusSeconds(rnd.nextInt(3600 * 6));
        emit(follow, id, "ComplaintCase", "complaint.event.FollowUpCallRecordedEvent", "2", new J()
                .s("complaintId", id).b("reached", true).b("satisfied", rnd.nextInt(100) < 85)
                .s("notes", seal(key, "called back", follow)).s("by", handler.user).s("at", follow.toString()), c.id,
                handler, uuid());
        if ("main".equals(c.id) && at.isAfter(now.minus(Duration.ofDays(12))) && follow.isBefore(now)) {
            samples.putIfAbsent("complaint", id);
        }
    }

    // ------------------------------------------------------------------ shifts

    private void scheduleShifts(Centre c, LocalDate day, Instant at) {
        if (c.closedMondays && day.getDayOfWeek() == DayOfWeek.MONDAY) {
            return;
        }
        String[][] times = {{"08:30", "17:30"}, {"08:30", "17:30"}, {"12:30", "21:30"}, {"12:30", "21:30"}};
        Shift[] shifts = new Shift[times.length];
        for (int i = 0; i < times.length; i++) {
            Shift s = new Shift();
            s.id = uuid();
            s.staff = c.staff.get((i + day.getDayOfYear() * 2) % c.staff.size());
            s.start = day.atTime(LocalTime.parse(times[i][0])).atZone(ZONE).toInstant();
            s.end = day.atTime(LocalTime.parse(times[i][1])).atZone(ZONE).toInstant();
            shifts[i] = s;
            Instant when = at.plusSeconds(10L * i);
            directory(s.id, "Shift", c.id, when);
            slotRows.append(s.id).append('\t').append(c.id).append('\t').append(s.staff).append('\t')
                    .append(s.start).append('\t').append(s.end).append("\tt\n");
            emit(when, s.id, "Shift", "shift.event.ShiftScheduledEvent", "1", new J().s("shiftId", s.id)
                    .s("centre", c.id).s("staff", s.staff).s("date", day.toString()).s("post", "bench")
                    .s("postName", "Benchmark post").raw("checklist", "[]").s("plannedStart", s.start.toString())
                    .s("plannedEnd", s.end.toString()).s("scheduledBy", c.supervisor.user)
                    .s("at", when.toString()), c.id, c.supervisor, uuid());
        }
        c.shifts.put(day, shifts);
    }

    private void workShift(Centre c, Shift s) {
        int late = rnd.nextInt(100) < 15 ? 1 + rnd.nextInt(20) : 0;
        Instant in = late > 0 ? s.start.plusSeconds(late * 60L + rnd.nextInt(50))
                : s.start.minusSeconds(rnd.nextInt(600));
        Who self = new Who(s.staff, "RECEPTIONIST");
        emit(in, s.id, "Shift", "shift.event.ShiftClockedInEvent", "1", new J().s("shiftId", s.id)
                .s("staff", s.staff).s("time", in.toString()).n("minutesLate", late).s("by", s.staff)
                .s("at", in.toString()), c.id, self, uuid());
        s.clockedIn = true;
        Instant out = s.end.plusSeconds(rnd.nextInt(900));
        if (rnd.nextInt(100) < 40) {
            Instant note = out.minusSeconds(300 + rnd.nextInt(600));
            emit(note, s.id, "Shift", "shift.event.HandOverNoteWrittenEvent", "1", new J().s("shiftId", s.id)
                    .s("note", pick("all good", "the pool heater was noisy", "two parents asked about summer"
                            + " camp", "the printer is out of paper")).s("by", s.staff).s("at", note.toString()),
                    c.id, self, uuid());
        }
        emit(out, s.id, "Shift", "shift.event.ShiftClockedOutEvent", "1", new J().s("shiftId", s.id)
                .s("staff", s.staff).s("time", out.toString()).s("by", s.staff).s("at", out.toString()), c.id,
                self, uuid());
    }

    // ------------------------------------------------------------------ writing

    private void emit(Instant at, String aggregate, String type, String payloadType, String revision, J payload,
                      String centre, Who who, String correlation) {
        emit(at, aggregate, type, payloadType, revision, payload, centre, who, correlation, uuid(), at);
    }

    /** {@code stamp}: when Axon stored it (a few milliseconds after the payload's time). */
    private void emit(Instant at, String aggregate, String type, String payloadType, String revision, J payload,
                      String centre, Who who, String correlation, String causation, Instant stamp) {
        Instant stored = stamp.plusMillis(2 + rnd.nextInt(40));
        queue.add(new Ev(stored, order++, aggregate, type, K + payloadType, revision, payload.toString(), centre,
                who.user, correlation, causation));
    }

    private void drain(Instant until, CopyManager copy) throws Exception {
        while (!queue.isEmpty() && queue.peek().at.isBefore(until)) {
            Ev e = queue.poll();
            int seq = sequences.merge(e.aggregate, 1, Integer::sum) - 1;
            // metadata in the order Jackson writes the application's MetaData map
            StringBuilder meta = new StringBuilder("{");
            if (e.user != null) {
                meta.append("\"roles\":\"").append(rolesOf(e.user)).append("\",");
            }
            meta.append("\"centre\":\"").append(e.centre).append("\",\"causationId\":\"").append(e.causation)
                    .append('"');
            if (e.correlation != null) {
                meta.append(",\"correlationId\":\"").append(e.correlation).append('"');
            }
            if (e.user != null) {
                meta.append(",\"user\":\"").append(e.user).append("\",\"clientAddress\":\"127.0.0.1\"");
            }
            meta.append('}');
            eventRows.append(e.aggregate).append('\t').append(seq).append('\t').append(e.type).append('\t')
                    .append(uuid()).append('\t');
            bytea(eventRows, meta.toString());
            eventRows.append('\t');
            bytea(eventRows, e.payload);
            eventRows.append('\t').append(e.revision).append('\t').append(e.payloadType).append('\t')
                    .append(AXON_TIME.format(e.at)).append('\n');
            eventsByType.merge(e.payloadType.substring(e.payloadType.lastIndexOf('.') + 1), 1L, Long::sum);
            events++;
            if (++pendingEventRows >= 5000) {
                flush(copy);
            }
        }
    }

    private final Map<String, String> roles = new HashMap<>();

    private String rolesOf(String user) {
        return roles.computeIfAbsent(user, u -> u.startsWith("manager") ? "MANAGER,RECEPTIONIST,SUPERVISOR"
                : u.startsWith("supervisor") ? "RECEPTIONIST,SUPERVISOR" : "RECEPTIONIST");
    }

    private void flush(CopyManager copy) throws Exception {
        copyRows(copy, "aggregate_directory (aggregate_id, aggregate_type, centre, created_at)", directoryRows);
        copyRows(copy, "personal_key (key_id, secret, created_at)", keyRows);
        copyRows(copy, "member_identity (member_id, centre, identity_hash, basis, name_key)", identityRows);
        copyRows(copy, "member_visit (visit_id, member_id)", memberVisitRows);
        copyRows(copy, "shift_slot (shift_id, centre, staff, planned_start, planned_end, active)", slotRows);
        copyRows(copy, "domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,"
                + " payload, payloadrevision, payloadtype, timestamp)", eventRows);
        pendingEventRows = 0;
    }

    private long copyNanos;

    private void copyRows(CopyManager copy, String table, StringBuilder rows) throws Exception {
        if (rows.length() == 0) {
            return;
        }
        long t0 = System.nanoTime();
        copy.copyIn("copy " + table + " from stdin", new StringReader(rows.toString()));
        copyNanos += System.nanoTime() - t0;
        rows.setLength(0);
    }

    /** bytea in COPY's text format: \\x and the hex of the UTF-8 bytes. */
    private static void bytea(StringBuilder out, String text) {
        out.append("\\\\x").append(HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8)));
    }

    private void directory(String id, String type, String centre, Instant at) {
        directoryRows.append(id).append('\t').append(type).append('\t').append(centre).append('\t').append(at)
                .append('\n');
        aggregates++;
    }

    // ------------------------------------------------------------------ sealing and hashing

    /** As JdbcPersonalDataVault: v1: + Base64(nonce + AES-GCM(ciphertext, tag)), the key id as associated data. */
    private String seal(String keyId, String plaintext, Instant at) {
        byte[] key = keys.get(keyId);
        if (key == null) {
            key = new byte[32];
            for (int i = 0; i < 32; i += 8) {
                ByteBuffer.wrap(key, i, 8).putLong(rnd.nextLong());
            }
            keys.put(keyId, key);
            keyRows.append(keyId).append('\t').append("\\\\x").append(HexFormat.of().formatHex(key)).append('\t')
                    .append(at).append('\n');
        }
        byte[] nonce = new byte[12];
        ByteBuffer.wrap(nonce).putLong(rnd.nextLong()).putInt(rnd.nextInt());
        try {
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.strip().getBytes(StandardCharsets.UTF_8));
            return "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String hmac(String text) {
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String normalName(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------ small things

    private String uuid() {
        long hi = (rnd.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    private String pick(String... values) {
        return values[rnd.nextInt(values.length)];
    }

    private String fullName() {
        return pick(SURNAMES) + " " + pick(GIVEN);
    }

    /** A unique mainland mobile number, so that no two members share an identity. */
    private String phone() {
        return "13" + (rnd.nextInt(10)) + String.format("%08d", ++phoneCounter);
    }

    private static String money(long minor) {
        return "{\"minor\":" + minor + ",\"currency\":\"CNY\"}";
    }

    /** A JSON object written in the order of the record's components, nulls left out (non_null inclusion). */
    static final class J {
        private final StringBuilder b = new StringBuilder("{");

        J s(String key, String value) {
            if (value != null) {
                sep().append('"').append(key).append("\":\"").append(value).append('"');
            }
            return this;
        }

        J n(String key, long value) {
            sep().append('"').append(key).append("\":").append(value);
            return this;
        }

        J b(String key, boolean value) {
            sep().append('"').append(key).append("\":").append(value);
            return this;
        }

        J raw(String key, String json) {
            sep().append('"').append(key).append("\":").append(json);
            return this;
        }

        private StringBuilder sep() {
            if (b.length() > 1) {
                b.append(',');
            }
            return b;
        }

        @Override
        public String toString() {
            return b + "}";
        }
    }
}
