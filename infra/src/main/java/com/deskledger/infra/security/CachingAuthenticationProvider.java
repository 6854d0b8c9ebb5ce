package com.deskledger.infra.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers a successful HTTP Basic check for a while, so a client sending the same credentials on every request
 * pays for bcrypt once per period instead of tens of milliseconds each time. The cache keeps a SHA-256 of the
 * password with a per-process salt, never the password; failures are never cached.
 */
class CachingAuthenticationProvider implements AuthenticationProvider {

    private record Entry(byte[] digest, Authentication result, Instant expires) {
    }

    private final AuthenticationProvider delegate;
    private final Duration ttl;
    private final int maxSize;
    private final Clock clock;
    private final byte[] salt = new java.security.SecureRandom().generateSeed(16);
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    CachingAuthenticationProvider(AuthenticationProvider delegate, Duration ttl, int maxSize, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.maxSize = maxSize;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String name = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (name == null || credentials == null) {
            return delegate.authenticate(authentication);
        }
        byte[] digest = digest(credentials.toString());
        Instant now = clock.instant();
        Entry hit = cache.get(name);
        if (hit != null && hit.expires().isAfter(now) && MessageDigest.isEqual(hit.digest(), digest)) {
            return UsernamePasswordAuthenticationToken.authenticated(hit.result().getPrincipal(), null,
                    hit.result().getAuthorities());
        }
        Authentication result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated()) {
            if (cache.size() >= maxSize) {
                cache.values().removeIf(e -> !e.expires().isAfter(now));
                if (cache.size() >= maxSize) {
                    cache.clear();
                }
            }
            cache.put(name, new Entry(digest, result, now.plus(ttl)));
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    private byte[] digest(String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            byte[] result = sha.digest(password.getBytes(StandardCharsets.UTF_8));
            return result;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
