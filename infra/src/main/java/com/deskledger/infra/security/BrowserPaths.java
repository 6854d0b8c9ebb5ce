package com.deskledger.infra.security;

/** The paths of the browser chain: the dashboard's pages, its assets, its own endpoints, login and logout. */
final class BrowserPaths {

    static final String[] ALL = {"/", "/index.html", "/login", "/login.html", "/logout", "/app/**",
        "/assets/**", "/favicon.ico", "/kiosk", "/kiosk.html"};

    /** The self check-in kiosk's page: the only page a KIOSK user may open. */
    static final String[] KIOSK = {"/kiosk", "/kiosk.html"};

    /** Open to anyone: the login page and the static assets, which hold no data. */
    static final String[] PUBLIC = {"/login", "/login.html", "/assets/**", "/favicon.ico"};

    /**
     * The only writes the dashboard makes with its session (POST, with the CSRF token); everything else the session
     * may only read.
     */
    static final String[] SESSION_WRITES = {"/api/admin/projections/*/replay",
        "/api/admin/projections/*/dead-letters/retry", "/api/admin/projections/*/dead-letters/*/retry",
        "/api/admin/projections/*/dead-letters/*/eviction", "/api/kiosk/lookup", "/api/timetable/sessions/*/check-ins",
        "/api/members/*/card", "/api/members/*/card/revocation"};

    /** The member page's card writes with its session (the desk and up, with the CSRF token). */
    static final String[] CARD_WRITES = {"/api/members/*/card", "/api/members/*/card/revocation"};

    /** The kiosk page's writes with its session (KIOSK only, with the CSRF token); the others are an ADMIN's. */
    static final String[] KIOSK_WRITES = {"/api/kiosk/lookup", "/api/timetable/sessions/*/check-ins"};

    private BrowserPaths() {
    }
}
