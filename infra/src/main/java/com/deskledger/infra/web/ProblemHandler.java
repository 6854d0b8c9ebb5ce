package com.deskledger.infra.web;

import com.deskledger.command.web.CommandConflictException;
import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import com.fasterxml.jackson.databind.JsonMappingException;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
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
import java.util.stream.Collectors;

/**
 * Maps every failure to an RFC 9457 problem with a stable code: 400 naming fields, 403, 404, 409, 422. Clients
 * never see a stack trace; unexpected errors are logged with the correlation id and answered with a plain 500.
 */
@RestControllerAdvice
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

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

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return respond(Problems.invalid(List.of(Map.of("field", field, "message", "invalid value")), request));
        }
        return respond(Problems.of(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED.name(),
                "the request body is missing or is not valid JSON", request));
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

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                "method not allowed here", request));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return respond(Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                "send application/json", request));
    }

    /**
     * A client that went away (a dashboard closed while its event stream was open): nothing to answer and nothing
     * went wrong, so no error log.
     */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException e) {
        log.debug("client went away: {}", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof org.springframework.security.access.AccessDeniedException) {
            return respond(Problems.of(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN_ROLE.name(),
                    "your role may not do this", request));
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            // e.g. a rule enforced by a subscribing handler in the appending transaction, wrapped by the processor
            if (cause instanceof DomainException domain) {
                return domain(domain, request);
            }
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "something went wrong; quote the correlation id when reporting it", request));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
