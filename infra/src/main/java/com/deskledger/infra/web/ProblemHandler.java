package com.deskledger.infra.web;

import com.deskledger.command.web.CommandConflictException;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.AxonException;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Maps every failure to an RFC 9457 problem with a stable code: 400 naming fields, 403, 404, 409, 422, and 503
 * {@code DATABASE_UNAVAILABLE} with {@code Retry-After} while the database cannot be reached. Clients never see a
 * stack trace; unexpected errors are logged with the correlation id and answered with a plain 500.
 */
@RestControllerAdvice
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    /**
     * Seconds a client should wait before trying again during an outage: the connection pool tries to reconnect
     * with a back-off of up to 5 s, so the first commands after the database's return may still find no connection.
     */
    static final String RETRY_AFTER_SECONDS = "5";
    /** During an outage every request fails alike: one line every so often says so, not one per request. */
    private static final long OUTAGE_LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final AtomicLong lastOutageLog = new AtomicLong(System.nanoTime() - OUTAGE_LOG_EVERY_NANOS);
    private final AtomicLong outageAnswers = new AtomicLong();

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e, HttpServletRequest request) {
        if (e.code().kind() == ErrorCode.Kind.VALIDATION && e.field() != null) {
            return respond(Problems.invalid(List.of(Map.of("field", e.field(), "message", e.getMessage(),
                    "code", e.code().name())), request));
        }
        ProblemDetail problem = Problems.of(Problems.statusOf(e.code()), e.code().name(), e.getMessage(), request);
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        if (e.code().kind() == ErrorCode.Kind.UNAVAILABLE) {
            return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header("Retry-After", "1").body(problem);
        }
        return respond(problem);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message",
                        f.getDefaultMessage() == null ? "invalid" : f.getDefaultMessage()))
                .collect(Collectors.toCollection(ArrayList::new));
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(Map.of("field", g.getObjectName(),
                "message", g.getDefaultMessage() == null ? "invalid" : g.getDefaultMessage())));
        return respond(Problems.invalid(errors, request));
    }

    /**
     * A body that could not be read: too large (413), or not JSON as the endpoint takes it (400 naming the field,
     * {@code $} for the body as a whole). Never the parser's words: they may quote the value, personal data included.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodySizeLimitFilter.BodyTooLargeException) {
                return tooLarge(request);
            }
        }
        return respond(Problems.invalid(List.of(JsonRefusals.describe(e.getCause())), request));
    }

    private static ResponseEntity<ProblemDetail> tooLarge(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.CONNECTION, "close")
                .body(Problems.of(ErrorCode.PAYLOAD_TOO_LARGE, request));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return respond(Problems.invalid(List.of(Map.of("field", e.getParameterName(), "message", "required")),
                request));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return respond(Problems.invalid(List.of(Map.of("field", e.getName(), "message", "invalid value")),
                request));
    }

    @ExceptionHandler(JSR303ViolationException.class)
    ResponseEntity<ProblemDetail> violation(JSR303ViolationException e, HttpServletRequest request) {
        List<Map<String, String>> errors = e.getViolations().stream()
                .map(v -> Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage())).toList();
        return respond(Problems.invalid(errors, request));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND.name(), "no such record", request));
    }

    /**
     * Another node changed the record at the same time, on every attempt the command sender made ({@code attempts});
     * nothing was stored. Not an error of the application: no log here (the sender logs it at INFO).
     */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> conflict(ConcurrencyException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, ErrorCode.CONCURRENCY_CONFLICT.name(),
                "the record was changed at the same time; read it again and retry", request);
        if (e instanceof CommandConflictException exhausted) {
            problem.setProperty("attempts", exhausted.attempts());
        }
        return respond(problem);
    }

    /** The first event of a record whose identifier another request had just used: also a conflict. */
    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> creationConflict(AggregateStreamCreationException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.CONFLICT, ErrorCode.CONCURRENCY_CONFLICT.name(),
                "a record with this identifier was created at the same time", request));
    }

    @ExceptionHandler({CommandExecutionException.class, QueryExecutionException.class, CompletionException.class})
    ResponseEntity<ProblemDetail> wrapped(Exception e, HttpServletRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof DomainException domain) {
            return domain(domain, request);
        }
        if (cause instanceof AggregateNotFoundException notFound) {
            return notFound(notFound, request);
        }
        if (cause instanceof ConcurrencyException conflict) {
            return conflict(conflict, request);
        }
        if (cause instanceof AggregateStreamCreationException creation) {
            return creationConflict(creation, request);
        }
        if (cause instanceof AxonException axon && axon != e) {
            return wrapped(axon, request);
        }
        return unexpected(e, request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND.name(), "no such resource", request));
    }

    /**
     * A client that went away (a dashboard closed while its event stream was open): nothing to answer and nothing
     * went wrong, so no error log.
     */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException e) {
        log.debug("client went away: {}", e.getMessage());
    }

    /**
     * Anything else. Spring MVC's own refusals (405, 406, 415, a missing header or path variable, an upload too
     * large) carry their status and get the code that follows from it; only what is left is an internal error.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse spring && spring.getStatusCode().is4xxClientError()) {
            int status = spring.getStatusCode().value();
            return status == HttpStatus.PAYLOAD_TOO_LARGE.value() ? tooLarge(request)
                    : respond(Problems.of(Problems.codeOf(status), request));
        }
        if (e instanceof org.springframework.security.access.AccessDeniedException) {
            return respond(Problems.of(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN_ROLE.name(),
                    "your role may not do this", request));
        }
        if (DatabaseOutage.isOutage(e)) {
            return databaseUnavailable(e, request);
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            // e.g. a rule enforced by a subscribing handler in the appending transaction, wrapped by the processor
            if (cause instanceof DomainException domain) {
                return domain(domain, request);
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodySizeLimitFilter.BodyTooLargeException) {
                return tooLarge(request);
            }
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(Problems.of(ErrorCode.INTERNAL_ERROR, request));
    }

    /**
     * 503 with {@code Retry-After}: the request may well succeed later, and nothing is wrong with it. The answer
     * comes within the pool's connection timeout ({@code spring.datasource.hikari.connection-timeout}, 2 s). A command
     * whose connection broke while it committed may have been stored all the same; its events carry its correlation
     * id.
     */
    private ResponseEntity<ProblemDetail> databaseUnavailable(Exception e, HttpServletRequest request) {
        long answered = outageAnswers.incrementAndGet();
        long now = System.nanoTime();
        long last = lastOutageLog.get();
        if (now - last >= OUTAGE_LOG_EVERY_NANOS && lastOutageLog.compareAndSet(last, now)) {
            outageAnswers.addAndGet(-answered);
            log.warn("Database unavailable: answered 503 to {} request(s), the last {} {} ({})", answered,
                    request.getMethod(), request.getRequestURI(), rootMessage(e));
        }
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.DATABASE_UNAVAILABLE.name(),
                "the database cannot be reached; try again shortly", request);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        for (int i = 0; i < 64 && root.getCause() != null && root.getCause() != root; i++) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
