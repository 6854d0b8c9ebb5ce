package com.deskledger.infra.web;

import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.MetaDataKeys;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Builds RFC 9457 problem details with DeskLedger's stable error code and the request's correlation id. */
public final class Problems {

    private Problems() {
    }

    public static HttpStatus statusOf(ErrorCode code) {
        return switch (code.kind()) {
            case VALIDATION -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case RULE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    public static ProblemDetail of(HttpStatus status, String code, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:deskledger:problem:" + code.toLowerCase().replace('_', '-')));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        if (request != null) {
            problem.setInstance(URI.create(request.getRequestURI()));
            Object correlation = request.getAttribute(MetaDataKeys.CORRELATION_ATTRIBUTE);
            if (correlation != null) {
                problem.setProperty(MetaDataKeys.CORRELATION_ID, correlation);
            }
        }
        return problem;
    }

    /** A 400 naming the invalid fields: {@code errors: [{field, message}]}. */
    public static ProblemDetail invalid(List<Map<String, String>> errors, HttpServletRequest request) {
        String fields = String.join(", ", errors.stream().map(e -> e.get("field")).distinct().toList());
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED.name(),
                "invalid fields: " + fields, request);
        problem.setProperty("errors", errors);
        return problem;
    }
}
