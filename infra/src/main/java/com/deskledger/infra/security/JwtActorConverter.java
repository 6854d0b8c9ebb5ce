package com.deskledger.infra.security;

import com.deskledger.kernel.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Takes user, roles and centres from a bearer token's claims (names configurable). */
class JwtActorConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final DeskSecurityProperties.Jwt claims;

    JwtActorConverter(DeskSecurityProperties.Jwt claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String user = jwt.getClaimAsString(claims.getUserClaim());
        if (user == null) {
            user = jwt.getSubject();
        }
        List<Role> roles = new ArrayList<>();
        for (String name : strings(jwt.getClaim(claims.getRolesClaim()))) {
            try {
                roles.add(Role.valueOf(name.toUpperCase().replaceFirst("^ROLE_", "")));
            } catch (IllegalArgumentException unknown) {
                // a role DeskLedger does not know grants nothing
            }
        }
        return new JwtAuthenticationToken(jwt, Authorities.of(roles, strings(jwt.getClaim(claims.getCentresClaim()))),
                user);
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String text && !text.isBlank()) {
            return List.of(text.split("[ ,]+"));
        }
        return List.of();
    }
}
