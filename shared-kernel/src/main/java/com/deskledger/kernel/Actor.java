package com.deskledger.kernel;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Who is acting: a user with roles (already expanded by {@link Role#withImplied()}) and the centres they belong
 * to. Built from authority names: {@code ROLE_x} for roles and {@code CENTRE_x} for centres.
 */
public record Actor(StaffId user, Set<Role> roles, Set<CentreId> centres) {

    public static final String CENTRE_AUTHORITY_PREFIX = "CENTRE_";
    /** Request attribute under which the web layer keeps the authenticated actor. */
    public static final String REQUEST_ATTRIBUTE = "deskledger.actor";

    public Actor {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        centres = Set.copyOf(centres);
    }

    public static Actor fromAuthorities(String user, Collection<String> authorities) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<CentreId> centres = new LinkedHashSet<>();
        for (String authority : authorities) {
            if (authority.startsWith(Role.AUTHORITY_PREFIX)) {
                try {
                    roles.add(Role.valueOf(authority.substring(Role.AUTHORITY_PREFIX.length())));
                } catch (IllegalArgumentException unknownRole) {
                    // roles DeskLedger does not know grant nothing
                }
            } else if (authority.startsWith(CENTRE_AUTHORITY_PREFIX)) {
                centres.add(CentreId.of(authority.substring(CENTRE_AUTHORITY_PREFIX.length())));
            }
        }
        return new Actor(StaffId.of(user), roles, centres);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * The one rule of who sees personal data in full, wherever it is shown: desk staff (RECEPTIONIST and the roles
     * above it) do; every other role (AUDITOR, ADMIN) sees it masked or withheld.
     */
    public boolean seesPersonalData() {
        return has(Role.RECEPTIONIST);
    }

    public boolean belongsTo(CentreId centre) {
        return centres.contains(centre);
    }

    /** Role names, sorted and comma-separated, as stored in metadata. */
    public String rolesAsText() {
        return roles.stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new)).stream()
                .collect(Collectors.joining(","));
    }

    /** Refuses unless the actor belongs to the centre. */
    public void requireCentre(CentreId centre) {
        if (!belongsTo(centre)) {
            throw new DomainException(ErrorCode.FORBIDDEN_CENTRE, "you do not belong to that centre");
        }
    }

    /** The centre to act on: the one asked for, or the actor's only centre when none was asked for. */
    public CentreId centreOrOnly(CentreId asked) {
        if (asked != null) {
            requireCentre(asked);
            return asked;
        }
        if (centres.size() == 1) {
            return centres.iterator().next();
        }
        throw new DomainException(ErrorCode.VALIDATION_FAILED, "centre is required for users of several centres",
                "centre");
    }
}
