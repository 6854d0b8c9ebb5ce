package com.deskledger.kernel;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A centre's opening hours in its time zone, and time counted in them ("business time"): how much open time lies
 * between two instants, and when a given amount of open time has passed. A week lists open windows per day; a
 * window whose closing time is not after its opening time runs past midnight ({@code 22:00-02:00}), and
 * {@code 00:00-24:00} is the whole day. A centre may be open around the clock, then business time is wall time.
 */
public final class BusinessHours {

    /** Written for a day that is closed. */
    public static final String CLOSED = "closed";
    /** Written for a day that is open from midnight to midnight. */
    public static final String ALL_DAY = "00:00-24:00";

    private final ZoneId zone;
    private final boolean aroundTheClock;
    private final Map<DayOfWeek, List<Window>> week;

    /**
     * One open window of a day. It closes on the next day when {@code closes} is not after {@code opens}; when
     * both are equal it lasts 24 hours.
     */
    public record Window(LocalTime opens, LocalTime closes) {

        public Window {
            Objects.requireNonNull(opens, "opens");
            Objects.requireNonNull(closes, "closes");
        }

        boolean crossesMidnight() {
            return !closes.isAfter(opens);
        }

        @Override
        public String toString() {
            return opens + "-" + (closes.equals(LocalTime.MIDNIGHT) ? "24:00" : closes.toString());
        }
    }

    private BusinessHours(ZoneId zone, boolean aroundTheClock, Map<DayOfWeek, List<Window>> week) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.aroundTheClock = aroundTheClock;
        this.week = week;
    }

    /** Open every hour of every day. */
    public static BusinessHours aroundTheClock(ZoneId zone) {
        return new BusinessHours(zone, true, Map.of());
    }

    /** Open in the given windows; a day that is not listed (or lists no window) is closed. */
    public static BusinessHours of(ZoneId zone, Map<DayOfWeek, List<Window>> windows) {
        Map<DayOfWeek, List<Window>> week = new EnumMap<>(DayOfWeek.class);
        boolean anyOpen = false;
        for (DayOfWeek day : DayOfWeek.values()) {
            List<Window> ofDay = new ArrayList<>(windows.getOrDefault(day, List.of()));
            ofDay.sort(Comparator.comparing(Window::opens));
            week.put(day, List.copyOf(ofDay));
            anyOpen |= !ofDay.isEmpty();
        }
        if (!anyOpen) {
            throw new IllegalArgumentException("a centre must be open at some time of the week");
        }
        return new BusinessHours(zone, false, week);
    }

    /**
     * Reads opening hours as configured: per day {@code closed}, {@code 09:00-21:00} or several windows separated
     * by commas ({@code 09:00-12:00,13:30-21:00}); {@code 24:00} may end a window. No day at all means open
     * around the clock; days left out of a non-empty map are closed.
     */
    public static BusinessHours parse(ZoneId zone, Map<DayOfWeek, String> days) {
        if (days == null || days.isEmpty()) {
            return aroundTheClock(zone);
        }
        Map<DayOfWeek, List<Window>> windows = new EnumMap<>(DayOfWeek.class);
        days.forEach((day, text) -> windows.put(day, parseDay(day, text)));
        return of(zone, windows);
    }

    private static List<Window> parseDay(DayOfWeek day, String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty() || trimmed.equalsIgnoreCase(CLOSED)) {
            return List.of();
        }
        List<Window> windows = new ArrayList<>();
        for (String part : trimmed.split(",")) {
            String[] ends = part.trim().split("-");
            if (ends.length != 2) {
                throw new IllegalArgumentException("opening hours of " + day + " must look like 09:00-21:00");
            }
            LocalTime opens = time(day, ends[0].trim());
            LocalTime closes = time(day, ends[1].trim());
            windows.add(new Window(opens, closes));
        }
        return windows;
    }

    private static LocalTime time(DayOfWeek day, String text) {
        if (text.equals("24:00")) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("opening hours of " + day + " must be times such as 09:00", e);
        }
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isAroundTheClock() {
        return aroundTheClock;
    }

    /** The open windows of each day, {@code closed} days included; empty when open around the clock. */
    public Map<DayOfWeek, List<Window>> week() {
        return week;
    }

    /** Open time in {@code [from, to)}; zero when {@code to} is not after {@code from}. */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (aroundTheClock) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        Instant cursor = from;
        // a window of the previous day may run past midnight into the first day
        for (LocalDate day = localDate(from).minusDays(1); startOf(day).isBefore(to); day = day.plusDays(1)) {
            for (Window window : week.get(day.getDayOfWeek())) {
                Instant opens = opening(day, window);
                Instant closes = closing(day, window);
                Instant start = later(opens, cursor);
                Instant end = closes.isBefore(to) ? closes : to;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                    cursor = end;
                }
            }
        }
        return total;
    }

    /**
     * The first instant at which {@code businessTime} of open time has passed since {@code start}. Zero is
     * {@code start} itself; otherwise the result lies inside an open window or at its closing time.
     */
    public Instant plus(Instant start, Duration businessTime) {
        if (businessTime.isNegative()) {
            throw new IllegalArgumentException("business time cannot be negative");
        }
        if (businessTime.isZero()) {
            return start;
        }
        if (aroundTheClock) {
            return start.plus(businessTime);
        }
        Duration left = businessTime;
        Instant cursor = start;
        for (LocalDate day = localDate(start).minusDays(1); ; day = day.plusDays(1)) {
            for (Window window : week.get(day.getDayOfWeek())) {
                Instant closes = closing(day, window);
                if (!closes.isAfter(cursor)) {
                    continue;
                }
                Instant from = later(opening(day, window), cursor);
                Duration open = Duration.between(from, closes);
                if (left.compareTo(open) <= 0) {
                    return from.plus(left);
                }
                left = left.minus(open);
                cursor = closes;
            }
        }
    }

    /** Whether the centre is open at that instant. */
    public boolean isOpenAt(Instant instant) {
        return !between(instant, instant.plusNanos(1)).isZero();
    }

    private LocalDate localDate(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    private Instant opening(LocalDate day, Window window) {
        return ZonedDateTime.of(day, window.opens(), zone).toInstant();
    }

    private Instant closing(LocalDate day, Window window) {
        LocalDate closingDay = window.crossesMidnight() ? day.plusDays(1) : day;
        return ZonedDateTime.of(closingDay, window.closes(), zone).toInstant();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BusinessHours that && zone.equals(that.zone)
                && aroundTheClock == that.aroundTheClock && week.equals(that.week);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, aroundTheClock, week);
    }

    @Override
    public String toString() {
        return aroundTheClock ? "BusinessHours[" + zone + ", around the clock]"
                : "BusinessHours[" + zone + ", " + week + "]";
    }
}
