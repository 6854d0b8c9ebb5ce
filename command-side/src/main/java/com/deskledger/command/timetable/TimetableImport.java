package com.deskledger.command.timetable;

import com.deskledger.command.member.ImportCsvReader;
import com.deskledger.command.member.ImportProblem;
import com.deskledger.command.web.CommandAccepted;
import com.deskledger.command.web.CommandSender;
import com.deskledger.kernel.Actor;
import com.deskledger.kernel.CentreCatalog;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.timetable.Occurrence;
import com.deskledger.kernel.timetable.RoomId;
import com.deskledger.kernel.timetable.RoomKind;
import com.deskledger.kernel.timetable.TemplateId;
import com.deskledger.kernel.timetable.room.command.AddRoomCommand;
import com.deskledger.kernel.timetable.template.command.CreateClassTemplateCommand;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The timetable import of a centre going live (issue 20 part 6): one CSV file of rooms and weekly classes, checked
 * row by row in a dry run that lists every problem, then committed inside the request by the timetable's own
 * commands, rooms first. Small files only ({@link #MAX_ROWS} rows). Ids are derived from the centre and the room's
 * name or the class's name, weekday and start, and rooms of a name the centre has already are skipped, so importing
 * the same file twice adds nothing.
 */
@Service
class TimetableImport {

    static final int MAX_ROWS = 2000;
    static final long MAX_BYTES = 2L * 1024 * 1024;

    enum Column {
        TYPE("type", "类型", 10),
        NAME("name", "名称", 100),
        ROOM("room", "教室", 50),
        ROOM_KIND("room_kind", "教室类型", 20),
        CAPACITY("capacity", "容纳人数", 10),
        WEEKDAY("weekday", "星期", 10),
        START("start", "开始时间", 10),
        END("end", "结束时间", 10),
        TEACHER("teacher", "老师", 100),
        PLACES("places", "名额", 10),
        CREDITS("credits", "课时", 10);

        final String english;
        final String chinese;
        final int maxLength;

        Column(String english, String chinese, int maxLength) {
            this.english = english;
            this.chinese = chinese;
            this.maxLength = maxLength;
        }

        String heading() {
            return chinese + "/" + english;
        }
    }

    private static final Map<String, Boolean> TYPES = Map.of("room", true, "教室", true, "class", false,
            "课程", false);
    private static final Map<String, RoomKind> ROOM_KINDS = Map.of("classroom", RoomKind.CLASSROOM,
            "教室", RoomKind.CLASSROOM, "party_room", RoomKind.PARTY_ROOM, "派对室", RoomKind.PARTY_ROOM,
            "hall", RoomKind.HALL, "大厅", RoomKind.HALL);
    private static final Map<String, DayOfWeek> WEEKDAYS = weekdays();
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:：](\\d{2})(?:[:：](\\d{2}))?");

    private final RoomCalendar calendar;
    private final CentreCatalog centres;
    private final CommandSender sender;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int horizonDays;

    TimetableImport(RoomCalendar calendar, CentreCatalog centres, CommandSender sender, JdbcTemplate jdbc,
                    Clock clock, @Value("${deskledger.timetable.horizon-days:28}") int horizonDays) {
        this.calendar = calendar;
        this.centres = centres;
        this.sender = sender;
        this.jdbc = jdbc;
        this.clock = clock;
        this.horizonDays = horizonDays;
    }

    /** A room row read. */
    record RoomRow(int row, RoomId id, String name, RoomKind kind, int capacity) {
    }

    /** A class row read: a weekly template on one weekday. */
    record ClassRow(int row, TemplateId id, String name, String roomKey, DayOfWeek day, LocalTime start,
                    int minutes, String teacher, int places, int credits) {
    }

    /** What the file holds and what of it is new. */
    record Plan(int rows, List<RoomRow> newRooms, int roomsExisting, List<ClassRow> newClasses,
                int classesExisting, List<ImportProblem> problems) {
    }

    /** The dry run's or the commit's answer. */
    record Outcome(int rows, int rooms, int roomsAlreadyThere, int templates, int templatesAlreadyThere,
                   int problemRows, List<ImportProblem> problems, boolean committed, Long position) {
    }

    static String template() {
        return "\uFEFF" + Arrays.stream(Column.values()).map(Column::heading).collect(Collectors.joining(","))
                + "\r\n"
                + "ROOM,Room 1,,CLASSROOM,12,,,,,,\r\n"
                + "教室,Hall,,HALL,40,,,,,,\r\n"
                + "CLASS,Phonics A,Room 1,,,TUESDAY,17:00,17:50,Li,10,1\r\n"
                + "课程,Phonics A,Room 1,,,周四,17:00,17:50,Li,10,1\r\n";
    }

    Outcome dryRun(CentreId centre, InputStream file) throws IOException {
        Plan plan = plan(centre, file);
        return outcome(plan, false, null);
    }

    /** Checks the file again and, when no row has a problem, adds its new rooms and then its new templates. */
    Outcome commit(CentreId centre, InputStream file, Actor actor) throws IOException {
        Plan plan = plan(centre, file);
        if (!plan.problems().isEmpty()) {
            throw new DomainException(ErrorCode.IMPORT_HAS_PROBLEMS, plan.problems().stream()
                    .map(ImportProblem::row).distinct().count() + " rows have problems: run the dry run");
        }
        Long position = null;
        Instant now = clock.instant();
        for (RoomRow room : plan.newRooms()) {
            CommandAccepted accepted = sender.send(new AddRoomCommand(room.id(), centre, room.name(), room.kind(),
                    room.capacity(), actor.user(), now), room.id().value());
            position = accepted.position();
        }
        ZoneId zone = centres.zoneOf(centre);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Map<String, RoomCalendar.RoomRow> rooms = roomsByKey(centre);
        for (ClassRow row : plan.newClasses()) {
            RoomCalendar.RoomRow room = rooms.get(row.roomKey());
            Instant at = clock.instant();
            List<Occurrence> occurrences = WeeklyPattern.occurrences(Set.of(row.day()), row.start(), row.minutes(),
                    today, today.plusDays(horizonDays), zone, at);
            CommandAccepted accepted = sender.send(new CreateClassTemplateCommand(row.id(), centre, row.name(),
                    Set.of(row.day()), row.start(), row.minutes(), room.roomId(), room.name(), room.capacity(),
                    row.teacher(), row.places(), row.credits(), today, null, occurrences, actor.user(), at),
                    row.id().value());
            position = accepted.position();
        }
        return outcome(plan, true, position);
    }

    private static Outcome outcome(Plan plan, boolean committed, Long position) {
        int problemRows = (int) plan.problems().stream().map(ImportProblem::row).distinct().count();
        return new Outcome(plan.rows(), plan.newRooms().size(), plan.roomsExisting(), plan.newClasses().size(),
                plan.classesExisting(), problemRows, plan.problems(), committed, position);
    }

    private Map<String, RoomCalendar.RoomRow> roomsByKey(CentreId centre) {
        Map<String, RoomCalendar.RoomRow> rooms = new HashMap<>();
        calendar.rooms(centre).forEach(room -> rooms.put(RoomCalendar.nameKey(room.name()), room));
        return rooms;
    }

    /** Reads and checks the whole file: every problem of every row. */
    Plan plan(CentreId centre, InputStream file) throws IOException {
        ZoneId zone = centres.zoneOf(centre);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Instant now = clock.instant();
        Map<String, RoomCalendar.RoomRow> existingRooms = roomsByKey(centre);
        List<ImportProblem> problems = new ArrayList<>();
        List<RoomRow> newRooms = new ArrayList<>();
        Map<String, Integer> roomRows = new HashMap<>();
        Map<String, Integer> capacities = new HashMap<>();
        existingRooms.forEach((key, room) -> capacities.put(key, room.capacity()));
        List<Reader> classRows = new ArrayList<>();
        int rows = 0;
        int roomsExisting = 0;
        try (ImportCsvReader reader = new ImportCsvReader(new Limited(file))) {
            List<String> headerCells = reader.next();
            if (headerCells == null) {
                throw new DomainException(ErrorCode.IMPORT_FILE_INVALID, "the file is empty", "file");
            }
            Map<Column, Integer> header = header(headerCells);
            for (List<String> cells = reader.next(); cells != null; cells = reader.next()) {
                if (++rows > MAX_ROWS) {
                    throw new DomainException(ErrorCode.IMPORT_FILE_INVALID, "a timetable file has at most "
                            + MAX_ROWS + " rows", "file");
                }
                Reader r = new Reader(reader.record(), cells, header, problems);
                Boolean room = r.choice(Column.TYPE, TYPES, "UNKNOWN_TYPE");
                String name = r.text(Column.NAME, true);
                if (room == null) {
                    continue;
                }
                if (room) {
                    RoomKind kind = r.choice(Column.ROOM_KIND, ROOM_KINDS, "UNKNOWN_ROOM_KIND");
                    Integer capacity = r.positive(Column.CAPACITY, Room.MAX_CAPACITY);
                    if (name == null || r.failed()) {
                        continue;
                    }
                    String key = RoomCalendar.nameKey(name);
                    Integer first = roomRows.putIfAbsent(key, r.row);
                    if (first != null) {
                        r.problem(Column.NAME, name, "DUPLICATE_ROW", "the same room as row " + first);
                    } else if (existingRooms.containsKey(key)) {
                        roomsExisting++;
                    } else {
                        capacities.put(key, capacity);
                        newRooms.add(new RoomRow(r.row, roomIdOf(centre, key), name, kind, capacity));
                    }
                } else {
                    r.name = name;
                    classRows.add(r);
                }
            }
        }
        // classes once every room of the file is known, so a class may come before its room
        List<ClassRow> newClasses = new ArrayList<>();
        Map<String, Integer> classKeys = new HashMap<>();
        Map<String, List<ClassRow>> byRoomDay = new LinkedHashMap<>();
        List<ClassRow> candidates = new ArrayList<>();
        for (Reader r : classRows) {
            String roomName = r.text(Column.ROOM, true);
            String roomKey = roomName == null ? null : RoomCalendar.nameKey(roomName);
            if (roomKey != null && !capacities.containsKey(roomKey)) {
                r.problem(Column.ROOM, roomName, "UNKNOWN_ROOM", "neither the centre nor the file has this room");
                roomKey = null;
            }
            DayOfWeek day = r.choice(Column.WEEKDAY, WEEKDAYS, "UNKNOWN_WEEKDAY");
            LocalTime start = r.time(Column.START);
            LocalTime end = r.time(Column.END);
            Integer minutes = null;
            if (start != null && end != null) {
                if (!end.isAfter(start)) {
                    r.problem(Column.END, r.raw(Column.END), "END_BEFORE_START", "the class ends after it starts");
                } else {
                    minutes = (int) java.time.Duration.between(start, end).toMinutes();
                }
            }
            String teacher = r.text(Column.TEACHER, false);
            Integer places = r.positive(Column.PLACES, Room.MAX_CAPACITY);
            if (places != null && roomKey != null && places > capacities.get(roomKey)) {
                r.problem(Column.PLACES, r.raw(Column.PLACES), "ROOM_TOO_SMALL", "the room holds "
                        + capacities.get(roomKey));
            }
            Integer credits = r.raw(Column.CREDITS) == null ? Integer.valueOf(1)
                    : r.count(Column.CREDITS, ClassSession.MAX_CREDITS);
            if (r.failed() || r.name == null) {
                continue;
            }
            String key = RoomCalendar.nameKey(r.name) + "|" + day + "|" + start;
            Integer first = classKeys.putIfAbsent(key, r.row);
            if (first != null) {
                r.problem(Column.NAME, r.name, "DUPLICATE_ROW", "the same class, weekday and start as row " + first);
                continue;
            }
            candidates.add(new ClassRow(r.row, templateIdOf(centre, key), r.name, roomKey, day, start, minutes,
                    teacher, places, credits));
        }
        Set<String> existingTemplates = existing(candidates.stream().map(c -> c.id().value()).toList());
        int classesExisting = 0;
        for (ClassRow row : candidates) {
            if (existingTemplates.contains(row.id().value())) {
                classesExisting++;
                continue;
            }
            List<ClassRow> sameRoomDay = byRoomDay.computeIfAbsent(row.roomKey() + "|" + row.day(),
                    k -> new ArrayList<>());
            LocalTime end = row.start().plusMinutes(row.minutes());
            ClassRow clash = sameRoomDay.stream().filter(o -> o.start().isBefore(end)
                    && row.start().isBefore(o.start().plusMinutes(o.minutes()))).findFirst().orElse(null);
            if (clash != null) {
                problems.add(new ImportProblem(row.row(), Column.ROOM.english, row.roomKey(), "ROOM_DOUBLE_BOOKED",
                        "the room is taken at that time by row " + clash.row()));
                continue;
            }
            RoomCalendar.RoomRow room = existingRooms.get(row.roomKey());
            if (room != null && takenByExisting(room.roomId(), row, today, zone, now)) {
                problems.add(new ImportProblem(row.row(), Column.ROOM.english, room.name(), "ROOM_DOUBLE_BOOKED",
                        "the room is taken at that time by a class, party or event already on the timetable"));
                continue;
            }
            sameRoomDay.add(row);
            newClasses.add(row);
        }
        problems.sort(java.util.Comparator.comparingInt(ImportProblem::row));
        return new Plan(rows, newRooms, roomsExisting, newClasses, classesExisting, List.copyOf(problems));
    }

    private boolean takenByExisting(RoomId room, ClassRow row, LocalDate today, ZoneId zone, Instant now) {
        for (Occurrence o : WeeklyPattern.occurrences(Set.of(row.day()), row.start(), row.minutes(), today,
                today.plusDays(horizonDays), zone, now)) {
            try {
                calendar.requireFree(room, o.start(), o.end(), null);
            } catch (DomainException taken) {
                return true;
            }
        }
        return false;
    }

    private Set<String> existing(List<String> ids) {
        Set<String> found = new HashSet<>();
        if (!ids.isEmpty()) {
            found.addAll(jdbc.queryForList("select aggregate_id from aggregate_directory where aggregate_id = any(?)",
                    String.class, (Object) ids.toArray(String[]::new)));
        }
        return found;
    }

    static RoomId roomIdOf(CentreId centre, String nameKey) {
        return RoomId.of(uuid("room|" + centre.value() + "|" + nameKey));
    }

    static TemplateId templateIdOf(CentreId centre, String key) {
        return TemplateId.of(uuid("template|" + centre.value() + "|" + key));
    }

    private static String uuid(String text) {
        return UUID.nameUUIDFromBytes(("deskledger-timetable-import|" + text).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    static Map<Column, Integer> header(List<String> cells) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_');
            if (cell.isEmpty()) {
                continue;
            }
            Column found = null;
            for (Column column : Column.values()) {
                if (cell.equals(column.english) || cell.equals(column.chinese)
                        || cell.equals(column.chinese + "/" + column.english)
                        || cell.equals(column.english + "/" + column.chinese)) {
                    found = column;
                }
            }
            if (found == null) {
                throw new DomainException(ErrorCode.IMPORT_FILE_INVALID, "header cell " + (i + 1)
                        + " names no column of the template", "file");
            }
            if (columns.put(found, i) != null) {
                throw new DomainException(ErrorCode.IMPORT_FILE_INVALID, "the header names " + found.english
                        + " twice", "file");
            }
        }
        for (Column required : List.of(Column.TYPE, Column.NAME)) {
            if (!columns.containsKey(required)) {
                throw new DomainException(ErrorCode.IMPORT_FILE_INVALID, "the header has no column "
                        + required.heading(), "file");
            }
        }
        return columns;
    }

    private static Map<String, DayOfWeek> weekdays() {
        Map<String, DayOfWeek> days = new HashMap<>();
        String[] chinese = {"一", "二", "三", "四", "五", "六", "日"};
        for (DayOfWeek day : DayOfWeek.values()) {
            String english = day.name().toLowerCase(Locale.ROOT);
            days.put(english, day);
            days.put(english.substring(0, 3), day);
            days.put(Integer.toString(day.getValue()), day);
            String c = chinese[day.getValue() - 1];
            days.put("周" + c, day);
            days.put("星期" + c, day);
        }
        days.put("周天", DayOfWeek.SUNDAY);
        days.put("星期天", DayOfWeek.SUNDAY);
        return Map.copyOf(days);
    }

    /** Reads the cells of one row, collecting its problems. */
    private static final class Reader {

        final int row;
        private final List<String> cells;
        private final Map<Column, Integer> header;
        private final List<ImportProblem> problems;
        private int found;
        String name;

        Reader(int row, List<String> cells, Map<Column, Integer> header, List<ImportProblem> problems) {
            this.row = row;
            this.cells = cells;
            this.header = header;
            this.problems = problems;
        }

        boolean failed() {
            return found > 0;
        }

        String raw(Column column) {
            Integer index = header.get(column);
            if (index == null || index >= cells.size()) {
                return null;
            }
            String value = cells.get(index).strip();
            return value.isEmpty() ? null : value;
        }

        String text(Column column, boolean required) {
            String value = raw(column);
            if (value == null) {
                if (required) {
                    problem(column, "", "MISSING_VALUE", "required");
                }
                return null;
            }
            if (value.codePoints().anyMatch(cp -> Character.isISOControl(cp)
                    || cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
                problem(column, value, "TEXT_INVALID", "holds a control character or a line break");
                return null;
            }
            if (value.length() > column.maxLength) {
                problem(column, value, "TOO_LONG", "at most " + column.maxLength + " characters");
                return null;
            }
            return value;
        }

        <T> T choice(Column column, Map<String, T> choices, String unknown) {
            String value = text(column, true);
            if (value == null) {
                return null;
            }
            T chosen = choices.get(value.toLowerCase(Locale.ROOT));
            if (chosen == null) {
                problem(column, value, unknown, "one of " + choices.keySet().stream().sorted()
                        .collect(Collectors.joining(", ")));
            }
            return chosen;
        }

        /** A whole number from 1 to max. */
        Integer positive(Column column, int max) {
            String value = text(column, true);
            if (value == null) {
                return null;
            }
            if (!value.matches("[0-9]{1,9}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > max) {
                problem(column, value, "NOT_A_POSITIVE_NUMBER", "a whole number from 1 to " + max);
                return null;
            }
            return Integer.parseInt(value);
        }

        /** A whole number from 0 to max. */
        Integer count(Column column, int max) {
            String value = text(column, false);
            if (value == null) {
                return null;
            }
            if (!value.matches("[0-9]{1,9}") || Integer.parseInt(value) > max) {
                problem(column, value, "NOT_A_NUMBER", "a whole number from 0 to " + max);
                return null;
            }
            return Integer.parseInt(value);
        }

        LocalTime time(Column column) {
            String value = text(column, true);
            if (value == null) {
                return null;
            }
            Matcher m = TIME.matcher(value);
            if (m.matches()) {
                try {
                    return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
                } catch (java.time.DateTimeException noSuchTime) {
                    // falls through to the problem below
                }
            }
            problem(column, value, "UNREADABLE_TIME", "a time such as 17:00");
            return null;
        }

        void problem(Column column, String value, String code, String message) {
            found++;
            String shown = value == null ? "" : value.replaceAll("\\p{Cc}", "?");
            if (shown.length() > 100) {
                shown = shown.substring(0, 99) + "…";
            }
            problems.add(new ImportProblem(row, column == null ? null : column.english, shown, code, message));
        }
    }

    /** Refuses a file larger than {@link #MAX_BYTES}. */
    private static final class Limited extends FilterInputStream {

        private long read;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            read += n;
            if (read > MAX_BYTES) {
                throw new DomainException(ErrorCode.IMPORT_FILE_INVALID, "a timetable file has at most "
                        + MAX_BYTES / 1024 / 1024 + " MB", "file");
            }
        }
    }
}
