package com.deskledger.command.member;

import com.deskledger.kernel.Actor;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * Member imports for a centre going live (issue 20): the template, the upload with its dry run, the commit that runs
 * in the background, its progress and the reports. ADMIN, or MANAGER of the import's centre.
 */
@RestController
@RequestMapping("/api/imports/members")
@Tag(name = "Member imports", description = "Bring members, their packages and credits over from an old system")
class MemberImportController {

    static final String CSV = "text/csv";
    static final int MAX_PROBLEMS_SHOWN = 1000;

    private final MemberImports imports;

    MemberImportController(MemberImports imports) {
        this.imports = imports;
    }

    /** The dry run's answer: the import with its counts and its first problems. */
    record DryRun(ImportStatus importStatus, List<ImportProblem> problems, boolean moreProblems) {
    }

    /** The rows the commit leaves out: each row with a problem must be among them. */
    record Commit(@Size(max = 1_000_000) List<@NotNull @Min(2) @Max(10_000_000) Integer> excludeRows) {
    }

    @GetMapping(value = "/template", produces = CSV)
    @Operation(summary = "The import template: UTF-8 CSV with the column names in Chinese and English, two examples")
    void template(@RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor, HttpServletResponse response)
            throws IOException {
        requireImporter(actor);
        csvHeaders(response, "deskledger-member-import-template.csv");
        response.getWriter().write(ImportFormat.template());
    }

    @PostMapping(consumes = {CSV, "application/csv"})
    @Operation(summary = "Upload a member file (UTF-8 CSV, with or without BOM; streamed) and run its dry run: "
            + "every row-level problem, nothing imported",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "the member file: UTF-8 CSV with the template's header",
                    content = @Content(mediaType = CSV, schema = @Schema(type = "string", format = "binary"))))
    ResponseEntity<DryRun> upload(@RequestParam(required = false) CentreId centre,
                                  @RequestParam(defaultValue = "members.csv") String fileName,
                                  @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor,
                                  HttpServletRequest request) throws IOException {
        requireImporter(actor);
        CentreId target = actor.centreOrOnly(centre);
        if (fileName.isBlank() || fileName.length() > 200 || fileName.codePoints().anyMatch(Character::isISOControl)) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "a file name of 1 to 200 characters on one line",
                    "fileName");
        }
        ImportStatus status = imports.upload(target, fileName.strip(), request.getInputStream(), actor);
        List<ImportProblem> problems = imports.problems(status.id(), MAX_PROBLEMS_SHOWN + 1);
        boolean more = problems.size() > MAX_PROBLEMS_SHOWN;
        return ResponseEntity.created(URI.create("/api/imports/members/" + status.id()))
                .body(new DryRun(status, more ? problems.subList(0, MAX_PROBLEMS_SHOWN) : problems, more));
    }

    @GetMapping
    @Operation(summary = "The centre's imports, newest first (at most 100)")
    List<ImportStatus> list(@RequestParam(required = false) CentreId centre,
                            @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        requireImporter(actor);
        return imports.list(actor.centreOrOnly(centre));
    }

    @GetMapping("/{id}")
    @Operation(summary = "An import's state and progress: rows read, imported, skipped, failed, rate, time left")
    ImportStatus status(@PathVariable String id, @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        requireAccess(id, actor);
        return imports.status(id).orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no such import"));
    }

    @GetMapping("/{id}/problems")
    @Operation(summary = "The dry run's problems in row order: row, column, value (personal values masked), code")
    List<ImportProblem> problems(@PathVariable String id,
                                 @RequestParam(defaultValue = "1000") int limit,
                                 @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        requireAccess(id, actor);
        if (limit < 1 || limit > 100_000) {
            throw new DomainException(ErrorCode.VALIDATION_FAILED, "1 to 100000", "limit");
        }
        return imports.problems(id, limit);
    }

    @GetMapping(value = "/{id}/problems.csv", produces = CSV)
    @Operation(summary = "The dry run's problems as CSV")
    void problemsCsv(@PathVariable String id, @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor,
                     HttpServletResponse response) throws IOException {
        requireAccess(id, actor);
        csvHeaders(response, "import-" + id + "-problems.csv");
        writeCsv(response.getWriter(), line -> imports.problemsCsv(id, line));
    }

    @GetMapping(value = "/{id}/report.csv", produces = CSV)
    @Operation(summary = "The final report as CSV: every row with its outcome (IMPORTED, SKIPPED, FAILED), member id "
            + "and why")
    void report(@PathVariable String id, @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor,
                HttpServletResponse response) throws IOException {
        requireAccess(id, actor);
        csvHeaders(response, "import-" + id + "-report.csv");
        writeCsv(response.getWriter(), line -> imports.report(id, line));
    }

    @PostMapping("/{id}/commit")
    @Operation(summary = "Import the file in the background; rows with problems must be listed in excludeRows")
    ResponseEntity<ImportStatus> commit(@PathVariable String id, @Valid @RequestBody(required = false) Commit request,
                                        @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor) {
        requireAccess(id, actor);
        List<Integer> rows = request == null || request.excludeRows() == null ? List.of() : request.excludeRows();
        ImportStatus status = imports.commit(id, new HashSet<>(rows), actor);
        return ResponseEntity.accepted().header(HttpHeaders.LOCATION, "/api/imports/members/" + id).body(status);
    }

    private void requireAccess(String id, Actor actor) {
        requireImporter(actor);
        if (id.length() > 64) {
            throw new DomainException(ErrorCode.NOT_FOUND, "no such import");
        }
        CentreId centre = imports.centreOf(id);
        if (!actor.belongsTo(centre)) {
            // another centre's import is as unknown as a made-up one
            throw new DomainException(ErrorCode.NOT_FOUND, "no such import");
        }
    }

    private static void requireImporter(Actor actor) {
        if (!actor.has(Role.ADMIN) && !actor.has(Role.MANAGER)) {
            throw new DomainException(ErrorCode.FORBIDDEN_ROLE, "only an admin or a manager imports members");
        }
    }

    private static void csvHeaders(HttpServletResponse response, String file) {
        response.setContentType(CSV + ";charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"");
    }

    /** UTF-8 with a BOM (Excel), a header row; cells a spreadsheet would run as a formula are quoted. */
    static void writeCsv(PrintWriter out, Consumer<Consumer<String[]>> lines) {
        out.write('\uFEFF');
        lines.accept(cells -> {
            try {
                writeLine(out, cells);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    private static void writeLine(Writer out, String[] cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            String cell = cells[i] == null ? "" : cells[i];
            if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
                cell = "'" + cell;
            }
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                cell = "\"" + cell.replace("\"", "\"\"") + "\"";
            }
            out.write(cell);
        }
        out.write("\r\n");
    }
}
