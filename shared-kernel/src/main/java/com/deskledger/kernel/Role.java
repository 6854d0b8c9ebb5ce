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
    METRICS;

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
