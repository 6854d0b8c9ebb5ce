package com.deskledger.infra.web;

import com.deskledger.kernel.MetaDataKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Takes the correlation id from {@code X-Correlation-Id} (or makes one), keeps it for the command metadata and
 * the logs, and echoes it on every response, errors included.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdFilter extends OncePerRequestFilter {

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(MetaDataKeys.CORRELATION_HEADER);
        String correlationId = given != null && ACCEPTED.matcher(given).matches() ? given
                : UUID.randomUUID().toString();
        request.setAttribute(MetaDataKeys.CORRELATION_ATTRIBUTE, correlationId);
        response.setHeader(MetaDataKeys.CORRELATION_HEADER, correlationId);
        MDC.put(MetaDataKeys.CORRELATION_ID, correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MetaDataKeys.CORRELATION_ID);
        }
    }
}
