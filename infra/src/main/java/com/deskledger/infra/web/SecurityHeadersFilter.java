package com.deskledger.infra.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Security headers on every answer, set before anything else runs so that refusals by later filters (size limit,
 * firewall, authentication) carry them too; Tomcat's own refusals get them from {@link ProblemReportValve}.
 * The dashboard is plain ES modules and a stylesheet served by this application, so its Content-Security-Policy
 * allows scripts, styles and connections to this origin only; API answers (JSON, never rendered) allow nothing.
 * Frames are denied everywhere, referrers never sent, and content types never sniffed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityHeadersFilter extends OncePerRequestFilter {

    /** The dashboard's and Swagger UI's pages: only this origin's scripts, styles, images and connections. */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    /** Everything else (JSON, CSV, problems): nothing may be loaded or run from it. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'none'";

    /** Writes the headers that do not depend on the path; shared with the Tomcat valve. */
    static void common(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        common(response);
        response.setHeader("Content-Security-Policy", isPage(request.getRequestURI()) ? PAGE_POLICY : API_POLICY);
        chain.doFilter(request, response);
    }

    private static boolean isPage(String uri) {
        return !(uri.startsWith("/api/") || uri.startsWith("/v3/api-docs") || uri.startsWith("/actuator")
                || uri.startsWith("/app/"));
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
