package com.deskledger.resilience;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * One desk client: a loop of realistic front-desk work through HTTP, as receptionists and a supervisor do it —
 * visits and calls with messages, the shared members' check-ins, leaves, packages, sales and refunds, new members,
 * notes and resolutions on the shared complaints, complaints of its own (some major, whose SLA deadlines fall due
 * during the run), and shifts. A step that fails ends its little workflow; after a server error or a broken
 * connection the client waits a moment (a person at the desk would, too) and carries on.
 */
final class Client implements Runnable {

    private static final String RECEPTION = "reception";
    private static final String SUPERVISOR = "supervisor";
    private static final long BACK_OFF_MS = 200;

    private final int index;
    private final Http http;
    private final Ledger ledger;
    private final World world;
    private final Random random;
    private final BooleanSupplier running;

    Client(int index, Http http, Ledger ledger, World world, long seed, BooleanSupplier running) {
        this.index = index;
        this.http = http;
        this.ledger = ledger;
        this.world = world;
        this.random = new Random(seed);
        this.running = running;
    }

    @Override
    public void run() {
        while (running.getAsBoolean()) {
            int dice = random.nextInt(100);
            if (dice < 20) {
                visit();
            } else if (dice < 52) {
                sharedMember(pick(world.sharedMembers));
            } else if (dice < 58) {
                newMember();
            } else if (dice < 72) {
                sharedComplaint(pick(world.sharedComplaints));
            } else if (dice < 90) {
                ownComplaint();
            } else {
                shift();
            }
        }
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private Http.Answer send(String kind, String user, String path, String body) {
        Http.Answer a = http.command(ledger, index, false, kind, user, path, body);
        if (a.outcome() != Ledger.Outcome.ANSWERED || a.status() >= 500) {
            pause();
        }
        return a;
    }

    private void pause() {
        try {
            Thread.sleep(BACK_OFF_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ visits and calls

    private void visit() {
        boolean call = random.nextBoolean();
        Http.Answer a = send("visit start", RECEPTION, "/api/visits", call
                ? "{\"channel\":\"CALL_IN\",\"purpose\":\"CONSULTATION\",\"rings\":" + (1 + random.nextInt(6)) + "}"
                : "{\"channel\":\"WALK_IN\",\"purpose\":\"ENROLMENT\"}");
        String id = a.ok() ? a.id() : null;
        if (id == null) {
            return;
        }
        if (!call && random.nextInt(3) == 0) {
            long n = world.next();
            send("visit registration", RECEPTION, "/api/visits/" + id + "/registration",
                    "{\"visitorName\":\"Visitor " + n + "\",\"phone\":\"" + world.phone(n) + "\","
                            + "\"needs\":\"weekend classes for a six-year-old\",\"referralSource\":\"a friend\"}");
        }
        if (random.nextBoolean()) {
            Http.Answer m = send("message", RECEPTION, "/api/visits/" + id + "/messages",
                    "{\"recipient\":\"Teacher Li\",\"callbackNumber\":\"13812345678\","
                            + "\"content\":\"Call back about the trial class on Saturday\"}");
            String message = m.ok() ? m.text("messageId") : null;
            if (message != null && random.nextBoolean()) {
                send("message delivery", RECEPTION, "/api/visits/" + id + "/messages/" + message + "/delivery",
                        "{}");
            }
        }
        send("visit end", RECEPTION, "/api/visits/" + id + "/end",
                "{\"outcome\":\"" + (call ? "RESOLVED" : "FOLLOW_UP_NEEDED") + "\"}");
    }

    // ------------------------------------------------------------------ members

    /** One command on a member every client works on: these race each other. */
    private void sharedMember(String member) {
        int dice = random.nextInt(100);
        String base = "/api/members/" + member;
        if (dice < 40) {
            send("check-in", RECEPTION, base + "/check-ins", world.checkInBody(member));
        } else if (dice < 60) {
            Http.Answer a = send("sale", RECEPTION, base + "/sales", saleBody());
            if (a.ok() && a.text("purchaseId") != null) {
                world.sold(member, a.text("purchaseId"));
            }
        } else if (dice < 72) {
            String purchase = world.saleToRefund(member);
            if (purchase != null) {
                send("refund", RECEPTION, base + "/refunds", "{\"purchaseId\":\"" + purchase + "\"}");
            }
        } else if (dice < 82) {
            send("leave", RECEPTION, base + "/leaves", world.leaveBody(member));
        } else if (dice < 90) {
            send("package", RECEPTION, base + "/packages", "{\"plan\":\"Ten classes\",\"kind\":\"CREDIT_PACK\","
                    + "\"credits\":10,\"price\":{\"minor\":150000},\"paymentMethod\":\"WECHAT_PAY\"}");
        } else {
            send("contact change", RECEPTION, base + "/contact", "{\"email\":\"member" + world.next()
                    + "@example.com\"}");
        }
    }

    private String saleBody() {
        int quantity = 1 + random.nextInt(3);
        return "{\"lines\":[{\"productCode\":\"TOY-" + random.nextInt(20) + "\",\"description\":\"Puzzle\","
                + "\"category\":\"TOY\",\"quantity\":" + quantity + ",\"unitPrice\":{\"minor\":2500}},"
                + "{\"productCode\":\"BAG-1\",\"description\":\"Centre bag\",\"category\":\"MERCHANDISE\","
                + "\"quantity\":1,\"unitPrice\":{\"minor\":4900}}],\"paymentMethod\":\"CASH\"}";
    }

    private void newMember() {
        String id = enrol(http, ledger, index, false, world, RECEPTION);
        if (id == null) {
            return;
        }
        if (send("package", RECEPTION, "/api/members/" + id + "/packages", "{\"plan\":\"Twenty classes\","
                + "\"kind\":\"CREDIT_PACK\",\"credits\":20,\"price\":{\"minor\":280000},\"paymentMethod\":\"CARD\"}")
                .ok()) {
            send("check-in", RECEPTION, "/api/members/" + id + "/check-ins", world.checkInBody(id));
        }
        Http.Answer sale = send("sale", RECEPTION, "/api/members/" + id + "/sales", saleBody());
        if (sale.ok() && sale.text("purchaseId") != null && random.nextBoolean()) {
            send("refund", RECEPTION, "/api/members/" + id + "/refunds", "{\"purchaseId\":\""
                    + sale.text("purchaseId") + "\"}");
        }
    }

    /** Enrols an adult with a name and phone no other member of the run has; answers the id or null. */
    static String enrol(Http http, Ledger ledger, int client, boolean setUp, World world, String user) {
        long n = world.next();
        Http.Answer a = http.command(ledger, client, setUp, "enrol", user, "/api/members",
                "{\"kind\":\"ADULT\",\"name\":\"Resilience Member " + n + "\",\"phone\":\"" + world.phone(n)
                        + "\"}");
        return a.ok() ? a.id() : null;
    }

    // ------------------------------------------------------------------ complaints

    /**
     * Notes, resolutions and the customer's "not satisfied" on a complaint every client works on: it reopens and
     * stays open, so the clients keep racing on it for the whole run.
     */
    private void sharedComplaint(String complaint) {
        int dice = random.nextInt(100);
        String base = "/api/complaints/" + complaint;
        if (dice < 60) {
            send("complaint note", RECEPTION, base + "/notes", "{\"text\":\"Spoke to the customer again; the "
                    + "teacher confirms the class started late\"}");
        } else if (dice < 80) {
            send("complaint resolution", SUPERVISOR, base + "/resolution", "{\"summary\":\"apology and a free "
                    + "make-up class\",\"compensation\":{\"type\":\"VOUCHER\",\"amountMinor\":8000,"
                    + "\"currency\":\"CNY\"}}");
        } else {
            send("complaint answer", RECEPTION, base + "/answer", "{\"satisfied\":false,\"comment\":\"wants "
                    + "the teacher changed\"}");
        }
    }

    /**
     * A complaint of this client's own: a general one taken from filing to the customer's satisfaction, or a major
     * one (short SLA targets in this run) left to breach — half of them with a first note, so only their
     * resolution clock breaches.
     */
    private void ownComplaint() {
        boolean major = random.nextInt(3) == 0;
        Http.Answer a = fileComplaint(http, ledger, index, false, world, major, RECEPTION);
        String id = a.ok() ? a.id() : null;
        if (id == null) {
            return;
        }
        String base = "/api/complaints/" + id;
        if (major) {
            if (random.nextBoolean()) {
                send("complaint note", RECEPTION, base + "/notes", "{\"text\":\"Manager informed; calling the "
                        + "parent back\"}");
            }
            return;
        }
        send("complaint note", RECEPTION, base + "/notes", "{\"text\":\"Checked the timetable with the "
                + "teacher\"}");
        if (!send("complaint resolution", SUPERVISOR, base + "/resolution",
                "{\"summary\":\"apology and a make-up class\"}").ok()) {
            return;
        }
        send("complaint answer", RECEPTION, base + "/answer", "{\"satisfied\":true,\"comment\":\"fine\"}");
    }

    static Http.Answer fileComplaint(Http http, Ledger ledger, int client, boolean setUp, World world,
                                     boolean major, String user) {
        long n = world.next();
        return http.command(ledger, client, setUp, major ? "complaint major" : "complaint", user,
                "/api/complaints", "{\"channel\":\"PHONE\",\"category\":\"" + (major ? "SAFETY" : "SERVICE")
                        + "\",\"severity\":\"" + (major ? "MAJOR" : "GENERAL") + "\",\"description\":\""
                        + (major ? "A child was left alone in the hall after class"
                        : "The class started fifteen minutes late and nobody told the parents")
                        + "\",\"customer\":{\"name\":\"Customer " + n + "\",\"phone\":\"" + world.phone(n) + "\"}}");
    }

    // ------------------------------------------------------------------ shifts

    private void shift() {
        long n = world.next();
        ZonedDateTime now = ZonedDateTime.now(World.CENTRE_ZONE);
        LocalTime start = now.toLocalTime().minusMinutes(30).truncatedTo(ChronoUnit.MINUTES);
        if (start.isAfter(now.toLocalTime())) {
            start = LocalTime.MIDNIGHT;
        }
        LocalDate date = now.toLocalDate();
        Http.Answer a = send("shift schedule", SUPERVISOR, "/api/shifts", "{\"staff\":\"staff-" + n
                + "\",\"date\":\"" + date + "\",\"post\":\"resilience\",\"start\":\"" + start + "\",\"end\":\""
                + start.plusHours(8) + "\"}");
        String id = a.ok() ? a.id() : null;
        if (id == null) {
            return;
        }
        if (!send("clock-in", SUPERVISOR, "/api/shifts/" + id + "/clock-in", "{}").ok()) {
            return;
        }
        if (random.nextBoolean()) {
            send("hand-over", SUPERVISOR, "/api/shifts/" + id + "/hand-over", "{\"note\":\"Room 2 projector "
                    + "needs a new lamp\"}");
        }
        send("clock-out", SUPERVISOR, "/api/shifts/" + id + "/clock-out", "{}");
    }
}
