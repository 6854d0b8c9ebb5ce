package com.deskledger.command.timetable;

import com.deskledger.command.web.CommandResponses;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The timetable import of a centre going live (issue 20 part 6): the template, the dry run and the commit of a
 * file of rooms and weekly classes, each inside the request. ADMIN, or MANAGER of the centre.
 */
@RestController
@RequestMapping("/api/imports/timetable")
@Tag(name = "Timetable imports", description = "Bring rooms and weekly classes over from an old system")
class TimetableImportController {

    static final String CSV = "text/csv";

    private final TimetableImport imports;

    TimetableImportController(TimetableImport imports) {
        this.imports = imports;
    }

    @GetMapping(value = "/template", produces = CSV)
    @Operation(summary = "The timetable import template: UTF-8 CSV with the column names in Chinese and English, "
            + "two rooms and a class on two weekdays")
    void template(@RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor, HttpServletResponse response)
            throws IOException {
        requireImporter(actor);
        response.setContentType(CSV + ";charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"deskledger-timetable-import-template.csv\"");
        response.getWriter().write(TimetableImport.template());
    }

    @PostMapping(value = "/dry-run", consumes = {CSV, "application/csv"})
    @Operation(summary = "Check a timetable file (UTF-8 CSV, at most 2,000 rows): every row problem, what is new "
            + "and what the centre has already; nothing is stored",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "the timetable file: UTF-8 CSV with the template's header",
                    content = @Content(mediaType = CSV, schema = @Schema(type = "string", format = "binary"))))
    TimetableImport.Outcome dryRun(@RequestParam(required = false) CentreId centre,
                                   @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor,
                                   HttpServletRequest request) throws IOException {
        requireImporter(actor);
        return imports.dryRun(actor.centreOrOnly(centre), request.getInputStream());
    }

    @PostMapping(consumes = {CSV, "application/csv"})
    @Operation(summary = "Import a timetable file: checked again, then its new rooms and then its new weekly "
            + "classes are added; what the centre has already is skipped; 422 IMPORT_HAS_PROBLEMS while a row has a "
            + "problem",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "the timetable file: UTF-8 CSV with the template's header",
                    content = @Content(mediaType = CSV, schema = @Schema(type = "string", format = "binary"))))
    ResponseEntity<TimetableImport.Outcome> commit(@RequestParam(required = false) CentreId centre,
                                                   @RequestAttribute(Actor.REQUEST_ATTRIBUTE) Actor actor,
                                                   HttpServletRequest request) throws IOException {
        requireImporter(actor);
        TimetableImport.Outcome outcome = imports.commit(actor.centreOrOnly(centre), request.getInputStream(),
                actor);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (outcome.position() != null) {
            ok.header(CommandResponses.POSITION_HEADER, Long.toString(outcome.position()));
        }
        return ok.body(outcome);
    }

    private static void requireImporter(Actor actor) {
        if (!actor.has(Role.ADMIN) && !actor.has(Role.MANAGER)) {
            throw new DomainException(ErrorCode.FORBIDDEN_ROLE, "only an admin or a manager imports a timetable");
        }
    }
}
