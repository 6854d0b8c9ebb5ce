package com.deskledger.infra.web;

import com.deskledger.kernel.ErrorCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * A command whose answer the client would not accept is refused (406) before it runs. Spring MVC finds out only
 * when it writes the answer, after the command has stored its events: the client would be told 406 for a command
 * that was carried out. Commands answer JSON, and problems problem+json.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class AcceptableAnswerFilter extends OncePerRequestFilter {

    private static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_JSON,
            MediaType.APPLICATION_PROBLEM_JSON);

    private final ObjectMapper json;

    public AcceptableAnswerFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !request.getRequestURI().startsWith("/api/") || method.equals("GET") || method.equals("HEAD")
                || method.equals("OPTIONS");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && !accept.isBlank() && !acceptsJson(accept)) {
            Problems.write(response, Problems.of(ErrorCode.NOT_ACCEPTABLE, request), json);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean acceptsJson(String accept) {
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(asked -> ANSWERS.stream().anyMatch(asked::isCompatibleWith));
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }
}
