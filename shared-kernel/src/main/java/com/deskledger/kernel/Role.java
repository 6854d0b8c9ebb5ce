package com.deskledger.kernel;

import java.util.EnumSet;
import java.util.Set;

/** The roles of DOMAIN.md. A role implies the roles below it: a manager may do what a supervisor may. */
public enum Role {
    RECEPTIONIST,
    SUPERVISOR,
    MANAGER,
    AUDITOR,
    ADMIN,
    /** A metrics scraper: may read {@code /actuator/prometheus} and nothing else. */
    METRICS,
    /**
     * A self check-in kiosk of its centre: may look up the centre's members by card token or member number, list
     * their sessions today and check them in, and nothing else. Implies no other role.
     */
    KIOSK;

    /** Authority prefix Spring Security uses for roles. */
    public static final String AUTHORITY_PREFIX = "ROLE_";

    /** This role and every role it implies. */
    public Set<Role> withImplied() {
        return switch (this) {
            case MANAGER -> EnumSet.of(MANAGER, SUPERVISOR, RECEPTIONIST);
            case SUPERVISOR -> EnumSet.of(SUPERVISOR, RECEPTIONIST);
            default -> EnumSet.of(this);
        };
    }

    public String authority() {
        return AUTHORITY_PREFIX + name();
    }
}
