package com.deskledger.infra.security;

import com.deskledger.kernel.Actor;
import com.deskledger.kernel.CentreId;
import com.deskledger.kernel.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** Roles (with the roles they imply) and centres as Spring Security authorities. */
final class Authorities {

    private Authorities() {
    }

    static Set<GrantedAuthority> of(Collection<Role> roles, Collection<String> centres) {
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        for (Role role : roles) {
            role.withImplied().forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
        }
        for (String centre : centres) {
            authorities.add(new SimpleGrantedAuthority(Actor.CENTRE_AUTHORITY_PREFIX + CentreId.of(centre).value()));
        }
        return authorities;
    }
}
