package com.deskledger.infra.security;

import com.deskledger.infra.web.Problems;
import com.deskledger.kernel.ErrorCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import java.io.IOException;

/** 401 and 403 as problem+json, like every other error. */
class ProblemSecurityHandlers {

    private final ObjectMapper json;

    ProblemSecurityHandlers(ObjectMapper json) {
        this.json = json;
    }

    AuthenticationEntryPoint entryPoint() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"DeskLedger\"");
            write(response, Problems.of(HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHENTICATED.name(),
                    "sign in with HTTP Basic or a bearer token", request));
        };
    }

    /** 403: a role that may not, or (for the browser session's writes) a missing or wrong CSRF token. */
    AccessDeniedHandler accessDenied() {
        return (request, response, e) -> write(response, e instanceof CsrfException
                ? Problems.of(HttpStatus.FORBIDDEN, ErrorCode.CSRF_TOKEN_INVALID.name(),
                        "send the XSRF-TOKEN cookie's value as the X-XSRF-TOKEN header", request)
                : Problems.of(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN_ROLE.name(), "your role may not do this",
                        request));
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

}
