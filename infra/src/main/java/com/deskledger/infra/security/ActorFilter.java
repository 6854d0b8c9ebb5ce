package com.deskledger.infra.security;

import com.deskledger.kernel.Actor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** Puts the authenticated {@link Actor} on the request, where controllers and the command interceptor read it. */
class ActorFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            request.setAttribute(Actor.REQUEST_ATTRIBUTE, Actor.fromAuthorities(auth.getName(),
                    auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList()));
        }
        chain.doFilter(request, response);
    }
}
