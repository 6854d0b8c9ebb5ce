package com.deskledger.infra.security;

/** The paths of the browser chain: the dashboard's pages, its assets, its own endpoints, login and logout. */
final class BrowserPaths {

    static final String[] ALL = {"/", "/index.html", "/login", "/login.html", "/logout", "/app/**",
        "/assets/**", "/favicon.ico"};

    /** Open to anyone: the login page and the static assets, which hold no data. */
    static final String[] PUBLIC = {"/login", "/login.html", "/assets/**", "/favicon.ico"};

    /**
     * The only writes the dashboard makes with its session (POST, with the CSRF token); everything else the session
     * may only read.
     */
    static final String[] SESSION_WRITES = {"/api/admin/projections/*/replay",
        "/api/admin/projections/*/dead-letters/retry", "/api/admin/projections/*/dead-letters/*/retry",
        "/api/admin/projections/*/dead-letters/*/eviction"};

    private BrowserPaths() {
    }
}
