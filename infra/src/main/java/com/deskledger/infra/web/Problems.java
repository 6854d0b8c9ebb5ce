package com.deskledger.infra.web;

import com.deskledger.kernel.ErrorCode;
import com.deskledger.kernel.MetaDataKeys;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
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
            case REQUEST -> switch (code) {
                case PAYLOAD_TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
                case METHOD_NOT_ALLOWED -> HttpStatus.METHOD_NOT_ALLOWED;
                case NOT_ACCEPTABLE -> HttpStatus.NOT_ACCEPTABLE;
                case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
                case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
                case INTERNAL_ERROR -> HttpStatus.INTERNAL_SERVER_ERROR;
                default -> HttpStatus.BAD_REQUEST;
            };
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    /**
     * The code of an error known only by its status (one raised before Spring MVC: Tomcat's, the firewall's, an
     * error dispatch): every answer carries a code all the same.
     */
    public static ErrorCode codeOf(int status) {
        return switch (status) {
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN_ROLE;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 409 -> ErrorCode.CONCURRENCY_CONFLICT;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.REQUEST_REJECTED;
        };
    }

    /** The usual words for a code known only by its status; never the exception's message. */
    public static String detailOf(ErrorCode code) {
        return switch (code) {
            case UNAUTHENTICATED -> "sign in with HTTP Basic or a bearer token";
            case FORBIDDEN_ROLE -> "your role may not do this";
            case NOT_FOUND -> "no such resource";
            case METHOD_NOT_ALLOWED -> "method not allowed here";
            case NOT_ACCEPTABLE -> "this resource answers application/json (errors application/problem+json)";
            case PAYLOAD_TOO_LARGE -> "the request body is larger than this server takes";
            case UNSUPPORTED_MEDIA_TYPE -> "send application/json";
            case INTERNAL_ERROR -> "something went wrong; quote the correlation id when reporting it";
            default -> "the request cannot be accepted as it is (its URL, headers or body)";
        };
    }

    public static ProblemDetail of(ErrorCode code, HttpServletRequest request) {
        return of(statusOf(code), code.name(), detailOf(code), request);
    }

    /**
     * Writes a problem straight to the response, for the filters and handlers that answer before Spring MVC does.
     */
    public static void write(HttpServletResponse response, ProblemDetail problem, ObjectMapper json)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    public static ProblemDetail of(HttpStatus status, String code, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:deskledger:problem:" + code.toLowerCase().replace('_', '-')));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        if (request != null) {
            try {
                problem.setInstance(URI.create(request.getRequestURI()));
            } catch (IllegalArgumentException notAUri) {
                // a request URI that is no URI (it was refused for that): the problem goes without its instance
            }
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
