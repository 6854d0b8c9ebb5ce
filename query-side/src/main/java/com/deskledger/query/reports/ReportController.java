package com.deskledger.query.reports;

import com.deskledger.kernel.Actor;
import com.deskledger.kernel.CentreCatalog;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.report.query.AssessmentRow;
import com.deskledger.kernel.report.query.ChannelCount;
import com.deskledger.kernel.report.query.FindMonthlyAssessmentQuery;
import com.deskledger.kernel.report.query.FindWeeklyReportQuery;
import com.deskledger.kernel.report.query.MoneyTotals;
import com.deskledger.kernel.report.query.MonthlyAssessment;
import com.deskledger.kernel.report.query.WeeklyReport;
import com.deskledger.kernel.stock.query.FindShrinkageQuery;
import com.deskledger.kernel.stock.query.Shrinkage;
import com.deskledger.query.web.ProjectionPositions;
import com.deskledger.query.web.ViewResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reports of manual 001 per centre, as JSON or, with {@code Accept: text/csv} or {@code format=csv} (a link a
 * browser can follow), as CSV for a spreadsheet.
 * Routes already restrict them to managers and auditors. {@code position} waits, at most a couple of seconds per
 * view, until every view the reports read holds that event; {@code X-DeskLedger-Consistent} says whether they do.
 */
@RestController
@Tag(name = "Reports", description = "Weekly report (周报表) and monthly staff assessment (月考核表)")
class ReportController {

    static final String CSV = "text/csv";
    static final String CONSISTENT_HEADER = ViewResponses.CONSISTENT_HEADER;
    private static final List<String> VIEWS = List.of("reception", "complaints", "sales", "attendance", "shifts",
            "stock");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    private final QueryGateway queries;
    private final ProjectionPositions positions;
    private final CentreCatalog centres;
    private final Clock clock;

    ReportController(QueryGateway queries, ProjectionPositions positions, CentreCatalog centres, Clock clock) {
        this.queries = queries;
        this.positions = positions;
        this.centres = centres;
        this.clock = clock;
    }

    @GetMapping(path = "/api/reports/weekly", produces = "application/json")
    @Operation(summary = "The weekly report of an ISO week (like 2026-W48; default this week in the centre's zone)")
    ResponseEntity<WeeklyReport> weekly(@RequestParam(required = false) CentreId centre,
                                        @RequestParam(required = false) String week,
                                        @Parameter(description = "wait until the views have this event position")
                                        @RequestParam(required = false) Long position,
                                        @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        CentreId target = actor.centreOrOnly(centre);
        LocalDate monday = monday(week, target);
        boolean consistent = awaited(position);
        String label = monday.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format("%02d", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        WeeklyReport report = queries.query(new FindWeeklyReportQuery(target, label, monday), WeeklyReport.class)
                .join();
        return ViewResponses.ok(consistent, report);
    }

    @GetMapping(path = "/api/reports/weekly", produces = CSV)
    @Operation(summary = "The weekly report as CSV: one figure a row (money per currency, in minor units)")
    ResponseEntity<byte[]> weeklyCsv(@RequestParam(required = false) CentreId centre,
                                     @RequestParam(required = false) String week,
                                     @RequestParam(required = false) Long position,
                                     @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        ResponseEntity<WeeklyReport> json = weekly(centre, week, position, actor);
        WeeklyReport r = json.getBody();
        Csv csv = new Csv().row(List.of("centre", "week", "figure", "value"));
        List<Object[]> figures = new ArrayList<>();
        figures.add(new Object[] {"from", r.from().toString()});
        figures.add(new Object[] {"to", r.to().toString()});
        figures.add(new Object[] {"visits", r.visits()});
        for (ChannelCount channel : r.byChannel()) {
            figures.add(new Object[] {"visits_" + channel.channel(), channel.count()});
        }
        figures.add(new Object[] {"calls", r.calls()});
        figures.add(new Object[] {"calls_within_three_rings", r.callsWithinThreeRings()});
        figures.add(new Object[] {"conversions", r.conversions()});
        figures.add(new Object[] {"conversion_rate", r.conversionRate()});
        figures.add(new Object[] {"complaints_opened", r.complaintsOpened()});
        figures.add(new Object[] {"complaints_closed", r.complaintsClosed()});
        figures.add(new Object[] {"complaints_breached", r.complaintsBreached()});
        figures.add(new Object[] {"satisfaction_rate", r.satisfactionRate()});
        for (MoneyTotals money : r.money()) {
            figures.add(new Object[] {"sales_minor_" + money.currency(), money.salesMinor()});
            figures.add(new Object[] {"refunds_minor_" + money.currency(), money.refundsMinor()});
            figures.add(new Object[] {"net_minor_" + money.currency(), money.netMinor()});
        }
        figures.add(new Object[] {"class_places", r.classMarks()});
        figures.add(new Object[] {"class_check_ins", r.classCheckIns()});
        figures.add(new Object[] {"attendance_rate", r.attendanceRate()});
        figures.add(new Object[] {"shifts_worked", r.shiftsWorked()});
        figures.add(new Object[] {"late_arrivals", r.lateArrivals()});
        figures.add(new Object[] {"punctuality", r.punctuality()});
        for (Object[] figure : figures) {
            csv.row(Arrays.asList(r.centre(), r.week(), figure[0], figure[1]));
        }
        return csv(json, csv, "weekly-" + r.centre() + "-" + r.week() + ".csv");
    }

    @GetMapping(path = "/api/reports/weekly", params = "format=csv")
    @Operation(summary = "The weekly report as CSV whatever Accept says (format=csv), for a download link")
    ResponseEntity<byte[]> weeklyCsvLink(@RequestParam(required = false) CentreId centre,
                                         @RequestParam(required = false) String week,
                                         @RequestParam(required = false) Long position,
                                         @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        return weeklyCsv(centre, week, position, actor);
    }

    @GetMapping(path = "/api/reports/monthly-assessment", produces = "application/json")
    @Operation(summary = "The monthly staff assessment of a month (YYYY-MM; default this month in the centre's zone)")
    ResponseEntity<MonthlyAssessment> monthly(@RequestParam(required = false) CentreId centre,
                                              @RequestParam(required = false) String month,
                                              @RequestParam(required = false) Long position,
                                              @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        CentreId target = actor.centreOrOnly(centre);
        YearMonth asked = month(month, target);
        boolean consistent = awaited(position);
        MonthlyAssessment assessment = queries.query(new FindMonthlyAssessmentQuery(target, asked),
                MonthlyAssessment.class).join();
        ZoneId zone = centres.zoneOf(target);
        Shrinkage shrinkage = queries.query(new FindShrinkageQuery(target, asked,
                asked.atDay(1).atStartOfDay(zone).toInstant(),
                asked.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()), Shrinkage.class).join();
        return ViewResponses.ok(consistent, assessment.withShrinkage(shrinkage));
    }

    @GetMapping(path = "/api/reports/monthly-assessment", produces = CSV)
    @Operation(summary = "The monthly staff assessment as CSV: a row per staff member, money columns per currency")
    ResponseEntity<byte[]> monthlyCsv(@RequestParam(required = false) CentreId centre,
                                      @RequestParam(required = false) String month,
                                      @RequestParam(required = false) Long position,
                                      @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        ResponseEntity<MonthlyAssessment> json = monthly(centre, month, position, actor);
        MonthlyAssessment a = json.getBody();
        TreeSet<String> currencies = new TreeSet<>();
        a.staff().forEach(row -> row.sales().forEach(money -> currencies.add(money.currency())));
        List<Object> header = new ArrayList<>(List.of("centre", "month", "staff", "visits_handled",
                "calls_answered", "calls_within_three_rings", "complaints_resolved", "complaints_satisfied",
                "satisfaction_rate"));
        for (String currency : currencies) {
            header.add("sales_minor_" + currency);
            header.add("refunds_minor_" + currency);
        }
        header.addAll(List.of("shifts_worked", "late_arrivals", "punctuality", "checklist_items",
                "checklist_ticked", "checklist_completion"));
        Csv csv = new Csv().row(header);
        for (AssessmentRow row : a.staff()) {
            List<Object> cells = new ArrayList<>(Arrays.asList(a.centre(), a.month(), row.staff(),
                    row.visitsHandled(), row.callsAnswered(), row.callsWithinThreeRings(),
                    row.complaintsResolved(), row.complaintsSatisfied(), row.satisfactionRate()));
            Map<String, MoneyTotals> byCurrency = new HashMap<>();
            row.sales().forEach(money -> byCurrency.put(money.currency(), money));
            for (String currency : currencies) {
                MoneyTotals money = byCurrency.get(currency);
                cells.add(money == null ? 0L : money.salesMinor());
                cells.add(money == null ? 0L : money.refundsMinor());
            }
            cells.addAll(Arrays.asList(row.shiftsWorked(), row.lateArrivals(), row.punctuality(),
                    row.checklistItems(), row.checklistTicked(), row.checklistCompletion()));
            csv.row(cells);
        }
        return csv(json, csv, "monthly-assessment-" + a.centre() + "-" + a.month() + ".csv");
    }

    @GetMapping(path = "/api/reports/monthly-assessment", params = "format=csv")
    @Operation(summary = "The monthly staff assessment as CSV whatever Accept says (format=csv), for a download link")
    ResponseEntity<byte[]> monthlyCsvLink(@RequestParam(required = false) CentreId centre,
                                          @RequestParam(required = false) String month,
                                          @RequestParam(required = false) Long position,
                                          @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        return monthlyCsv(centre, month, position, actor);
    }

    private static ResponseEntity<byte[]> csv(ResponseEntity<?> json, Csv csv, String fileName) {
        return ResponseEntity.ok()
                .header(CONSISTENT_HEADER, json.getHeaders().getFirst(CONSISTENT_HEADER))
                .header(HttpHeaders.CONTENT_TYPE, "text/csv; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(csv.bytes());
    }

    private LocalDate monday(String week, CentreId centre) {
        if (week == null || week.isBlank()) {
            return today(centre).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        Matcher matcher = WEEK.matcher(week);
        if (!matcher.matches()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "week must look like 2026-W48", "week");
        }
        int year = Integer.parseInt(matcher.group(1));
        int number = Integer.parseInt(matcher.group(2));
        LocalDate midYear = LocalDate.of(year, 6, 1);
        if (number < 1 || number > IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(midYear).getMaximum()) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "no such week in " + year, "week");
        }
        return midYear.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number).with(DayOfWeek.MONDAY);
    }

    private YearMonth month(String month, CentreId centre) {
        if (month == null || month.isBlank()) {
            return YearMonth.from(today(centre));
        }
        try {
            if (!month.matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("not YYYY-MM", month, 0);
            }
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "month must look like 2026-11", "month");
        }
    }

    private LocalDate today(CentreId centre) {
        return LocalDate.now(clock.withZone(centres.zoneOf(centre)));
    }

    private boolean awaited(Long position) {
        if (position == null) {
            return true;
        }
        boolean all = true;
        for (String view : VIEWS) {
            all &= positions.await(view, position);
        }
        return all;
    }
}
