package com.deskledger.infra.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

import java.util.function.Supplier;

/**
 * Lets the API chain see a browser session's login on GET and HEAD requests only, and never creates or writes a
 * session: a cross-site page can make a browser send the cookie, but a read gives it nothing (same-origin policy,
 * no CORS) and writes still need Basic or a bearer token.
 */
class SessionReadsOnly implements SecurityContextRepository {

    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    SessionReadsOnly() {
        sessions.setAllowSessionCreation(false);
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        if (reads(request)) {
            return sessions.loadDeferredContext(request);
        }
        return new Empty();
    }

    @Override
    @Deprecated
    public SecurityContext loadContext(org.springframework.security.web.context.HttpRequestResponseHolder holder) {
        return loadDeferredContext(holder.getRequest()).get();
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        // the API never writes the session
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return reads(request) && sessions.containsContext(request);
    }

    private static boolean reads(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    private static final class Empty implements DeferredSecurityContext {

        private final Supplier<SecurityContext> empty = SecurityContextHolder.getContextHolderStrategy()
                ::createEmptyContext;

        @Override
        public SecurityContext get() {
            return empty.get();
        }

        @Override
        public boolean isGenerated() {
            return true;
        }
    }
}
