package com.deskledger.command.shift;

import com.deskledger.command.web.CommandAccepted;
import com.deskledger.command.web.CommandResponses;
import com.deskledger.command.web.CommandSender;
import com.deskledger.kernel.Actor;
import com.deskledger.kernel.CentreCatalog;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.Role;
import com.deskledger.kernel.StaffId;
import com.deskledger.kernel.TimeWindows;
import com.deskledger.kernel.shift.ChecklistItem;
import com.deskledger.kernel.shift.HeadCountId;
import com.deskledger.kernel.shift.PostCode;
import com.deskledger.kernel.shift.ShiftId;
import com.deskledger.kernel.shift.command.CancelShiftCommand;
import com.deskledger.kernel.shift.command.ClockInCommand;
import com.deskledger.kernel.shift.command.ClockOutCommand;
import com.deskledger.kernel.shift.command.CorrectClockTimeCommand;
import com.deskledger.kernel.shift.command.ReassignShiftCommand;
import com.deskledger.kernel.shift.command.RecordHeadCountCommand;
import com.deskledger.kernel.shift.command.ScheduleShiftCommand;
import com.deskledger.kernel.shift.command.TickChecklistItemCommand;
import com.deskledger.kernel.shift.command.WriteHandOverNoteCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.deskledger.command.web.CommandResponses.ok;

/**
 * Commands on shifts. Supervisors schedule, reassign, cancel and correct; the staff member on the shift (or a
 * supervisor) clocks in and out, ticks the checklist, records head-counts and leaves hand-over notes. Every answer
 * carries the appended event's position.
 */
@RestController
@RequestMapping("/api/shifts")
@Tag(name = "Shifts", description = "Shift commands: roster, clocking, post checklists, head-counts, hand-over")
class ShiftController {

    static final String POSITION_HEADER = CommandResponses.POSITION_HEADER;

    private final CommandSender sender;
    private final Clock clock;
    private final ShiftProperties posts;
    private final ShiftSlots slots;
    private final CentreCatalog centres;
    private final TimeWindows windows;

    ShiftController(CommandSender sender, Clock clock, ShiftProperties posts, ShiftSlots slots,
                    CentreCatalog centres, TimeWindows windows) {
        this.sender = sender;
        this.clock = clock;
        this.posts = posts;
        this.slots = slots;
        this.centres = centres;
        this.windows = windows;
    }

    /** A configured post as the API shows it. */
    record PostView(String code, String name, Set<DayOfWeek> days, String start, String end,
                    List<ChecklistItem> checklist) {
    }

    @GetMapping("/posts")
    @Operation(summary = "The configured posts with their days, default times and checklists")
    List<PostView> posts() {
        return posts.getPosts().entrySet().stream()
                .map(e -> new PostView(e.getKey(), e.getValue().getName(), e.getValue().getDays(),
                        e.getValue().getStart(), e.getValue().getEnd(), e.getValue().checklistItems()))
                .toList();
    }

    @PostMapping
    @Operation(summary = "Schedule a staff member on a post for a day (supervisors)")
    ResponseEntity<CommandAccepted> schedule(@Valid @RequestBody ShiftRequests.Schedule request,
                                             @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        requireSupervisor(actor, "schedule shifts");
        CentreId centre = actor.centreOrOnly(request.centre());
        windows.shiftPlanning().check(request.date(), LocalDate.now(clock.withZone(centres.zoneOf(centre))), "date");
        PostCode code = postCode(request.post());
        ShiftProperties.Post post = posts.find(code)
                .orElseThrow(() -> new DomainException(ErrorCode.UNKNOWN_POST, "no such post", "post"));
        if (!post.worksOn(request.date().getDayOfWeek())) {
            throw new DomainException(ErrorCode.POST_NOT_ON_THAT_DAY, "this post is not worked on that day", "date");
        }
        LocalTime start = timeOrDefault(request.start(), post.startTime(), "start");
        LocalTime end = timeOrDefault(request.end(), post.endTime(), "end");
        ZoneId zone = centres.zoneOf(centre);
        Instant plannedStart = request.date().atTime(start).atZone(zone).toInstant();
        LocalDate endDay = end.isAfter(start) ? request.date() : request.date().plusDays(1);
        Instant plannedEnd = endDay.atTime(end).atZone(zone).toInstant();
        StaffId staff = StaffId.of(request.staff());
        slots.requireFree(staff, plannedStart, plannedEnd, null);

        ShiftId id = ShiftId.random();
        CommandAccepted accepted = sender.send(new ScheduleShiftCommand(id, centre, staff, request.date(), code,
                post.getName(), post.checklistItems(), plannedStart, plannedEnd, actor.user(), clock.instant()),
                id.value());
        return ResponseEntity.created(URI.create("/api/shifts/" + id.value()))
                .header(POSITION_HEADER, Long.toString(accepted.position())).body(accepted);
    }

    @PostMapping("/{id}/reassignment")
    @Operation(summary = "Give a shift that has not started to another staff member (supervisors)")
    ResponseEntity<CommandAccepted> reassign(@PathVariable String id,
                                             @Valid @RequestBody ShiftRequests.Reassign request,
                                             @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        requireSupervisor(actor, "reassign shifts");
        ShiftId shift = shiftId(id);
        ShiftSlots.Slot slot = slots.find(shift)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no such shift"));
        actor.requireCentre(slot.centre());
        StaffId staff = StaffId.of(request.staff());
        if (slot.active()) {
            slots.requireFree(staff, slot.start(), slot.end(), shift);
        }
        return ok(sender.send(new ReassignShiftCommand(shift, staff, request.reason(), actor.user(),
                clock.instant()), shift.value()));
    }

    @PostMapping("/{id}/cancellation")
    @Operation(summary = "Cancel a shift that has not started (supervisors)")
    ResponseEntity<CommandAccepted> cancel(@PathVariable String id,
                                           @Valid @RequestBody(required = false) ShiftRequests.Cancel request,
                                           @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        requireSupervisor(actor, "cancel shifts");
        ShiftId shift = shiftId(id);
        String reason = request == null ? null : request.reason();
        return ok(sender.send(new CancelShiftCommand(shift, reason, actor.user(), clock.instant()), shift.value()));
    }

    @PostMapping("/{id}/clock-in")
    @Operation(summary = "Clock in: now, or (supervisors) at a given time")
    ResponseEntity<CommandAccepted> clockIn(@PathVariable String id,
                                            @Valid @RequestBody(required = false) ShiftRequests.Clock request,
                                            @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        ShiftId shift = shiftId(id);
        Instant now = clock.instant();
        return ok(sender.send(new ClockInCommand(shift, clockTime(request, actor, now, windows), actor.user(),
                actor.has(Role.SUPERVISOR), now), shift.value()));
    }

    @PostMapping("/{id}/clock-out")
    @Operation(summary = "Clock out: now, or (supervisors) at a given time; refused while closing items are open")
    ResponseEntity<CommandAccepted> clockOut(@PathVariable String id,
                                             @Valid @RequestBody(required = false) ShiftRequests.Clock request,
                                             @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        ShiftId shift = shiftId(id);
        Instant now = clock.instant();
        return ok(sender.send(new ClockOutCommand(shift, clockTime(request, actor, now, windows), actor.user(),
                actor.has(Role.SUPERVISOR), now), shift.value()));
    }

    @PostMapping("/{id}/corrections")
    @Operation(summary = "Correct a clock-in or clock-out time, with a reason (supervisors); the original stays")
    ResponseEntity<CommandAccepted> correct(@PathVariable String id,
                                            @Valid @RequestBody ShiftRequests.Correction request,
                                            @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        requireSupervisor(actor, "correct clock times");
        ShiftId shift = shiftId(id);
        windows.shiftPlanning().checkPast(request.time(), clock.instant(), "time");
        return ok(sender.send(new CorrectClockTimeCommand(shift, request.punch(), request.time(),
                request.reason(), actor.user(), clock.instant()), shift.value()));
    }

    @PostMapping("/{id}/checklist/{item}")
    @Operation(summary = "Tick an item of the post's checklist")
    ResponseEntity<CommandAccepted> tick(@PathVariable String id, @PathVariable String item,
                                         @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        ShiftId shift = shiftId(id);
        return ok(sender.send(new TickChecklistItemCommand(shift, item, actor.user(), actor.has(Role.SUPERVISOR),
                clock.instant()), shift.value()));
    }

    @PostMapping("/{id}/head-counts")
    @Operation(summary = "Record the teacher's head-count of a class session during the shift")
    ResponseEntity<Map<String, Object>> headCount(@PathVariable String id,
                                                  @Valid @RequestBody ShiftRequests.HeadCount request,
                                                  @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        ShiftId shift = shiftId(id);
        windows.classSession().check(request.scheduledStart(), clock.instant(), "scheduledStart");
        HeadCountId headCount = HeadCountId.random();
        CommandAccepted accepted = sender.send(new RecordHeadCountCommand(shift, headCount, request.classId(),
                request.className(), request.scheduledStart(), request.room(), request.count(), request.teacher(),
                actor.user(), actor.has(Role.SUPERVISOR), clock.instant()), shift.value());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", accepted.id());
        body.put("headCountId", headCount.value());
        body.put("position", accepted.position());
        return ResponseEntity.created(URI.create("/api/shifts/" + shift.value() + "/head-counts/"
                        + headCount.value()))
                .header(POSITION_HEADER, Long.toString(accepted.position())).body(body);
    }

    @PostMapping("/{id}/hand-over")
    @Operation(summary = "Leave a hand-over note to the next shift")
    ResponseEntity<CommandAccepted> handOver(@PathVariable String id,
                                             @Valid @RequestBody ShiftRequests.HandOver request,
                                             @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        ShiftId shift = shiftId(id);
        return ok(sender.send(new WriteHandOverNoteCommand(shift, request.note(), actor.user(),
                actor.has(Role.SUPERVISOR), clock.instant()), shift.value()));
    }

    /** Staff clock at the moment they ask; only a supervisor may record another time. */
    private static Instant clockTime(ShiftRequests.Clock request, Actor actor, Instant now, TimeWindows windows) {
        if (request == null || request.at() == null) {
            return now;
        }
        if (!actor.has(Role.SUPERVISOR)) {
            throw new DomainException(ErrorCode.FORBIDDEN_ROLE, "only a supervisor may record a clock time other "
                    + "than now", "at");
        }
        return windows.shiftPlanning().checkPast(request.at(), now, "at");
    }

    private static void requireSupervisor(Actor actor, String what) {
        if (!actor.has(Role.SUPERVISOR)) {
            throw new DomainException(ErrorCode.FORBIDDEN_ROLE, "only a supervisor may " + what);
        }
    }

    private static LocalTime timeOrDefault(LocalTime asked, LocalTime fallback, String field) {
        if (asked != null) {
            return asked;
        }
        if (fallback == null) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "this post has no default " + field
                    + " time; give one", field);
        }
        return fallback;
    }

    private static PostCode postCode(String raw) {
        try {
            return PostCode.of(raw);
        } catch (IllegalArgumentException malformed) {
            throw new DomainException(ErrorCode.UNKNOWN_POST, "no such post", "post");
        }
    }

    private static ShiftId shiftId(String raw) {
        try {
            return ShiftId.of(raw);
        } catch (IllegalArgumentException malformed) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such shift");
        }
    }

}
