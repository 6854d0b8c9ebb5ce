package com.deskledger.infra.web;

import com.deskledger.kernel.DomainException;
import com.deskledger.kernel.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * The error page of the servlet container ({@code /error}), in place of Spring Boot's JSON or HTML one: errors that
 * happen outside Spring MVC's handlers (a filter's {@code sendError}, an exception thrown by a filter) answer
 * problem+json with a stable code like every other error. Never the exception's message, never a stack trace.
 */
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object given = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = given instanceof Integer code ? code : 500;
        Throwable thrown = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ProblemDetail problem = null;
        for (Throwable cause = thrown; cause != null && problem == null; cause = cause.getCause()) {
            if (cause instanceof BodySizeLimitFilter.BodyTooLargeException) {
                status = 413;
                problem = Problems.of(ErrorCode.PAYLOAD_TOO_LARGE, request);
            } else if (cause instanceof DomainException domain) {
                status = Problems.statusOf(domain.code()).value();
                problem = Problems.of(Problems.statusOf(domain.code()), domain.code().name(), domain.getMessage(),
                        request);
            }
        }
        if (problem == null) {
            ErrorCode code = Problems.codeOf(status < 400 ? 500 : status);
            if (status >= 500 || status < 400) {
                status = 500;
                Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
                log.error("Unexpected error on {} {}", request.getMethod(), uri, thrown);
            }
            problem = Problems.of(Problems.statusOf(code), code.name(), Problems.detailOf(code), request);
            problem.setStatus(status);
            org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status);
            problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String original) {
            try {
                problem.setInstance(URI.create(original));
            } catch (IllegalArgumentException notAUri) {
                problem.setInstance(null);
            }
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
