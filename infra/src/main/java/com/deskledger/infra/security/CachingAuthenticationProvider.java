package com.deskledger.infra.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Remembers a successful HTTP Basic check for a while, so a client sending the same credentials on every request
 * pays for bcrypt (tens of milliseconds of CPU) once per period instead of on every request.
 *
 * <ul>
 *   <li><b>One verification per credential at a time.</b> The entry of a user and password is a future: the first
 *       request verifies, every concurrent request with the same credentials waits for that one result. (Each ran
 *       bcrypt before: with the cache empty or just expired, 64 clients ran 64 verifications at once, and throughput
 *       fell from ~150 to 7-43 requests/s for ~10 s, every five minutes.)</li>
 *   <li><b>Refreshed ahead.</b> A request that finds its entry in the last quarter of its lifetime is answered from
 *       the cache and hands its credentials to a background verification, which renews the entry; steady traffic
 *       never meets an expired entry. Only the request's own credentials are verified: no password is kept.</li>
 *   <li><b>Failures are never cached.</b> A wrong password is verified by bcrypt every time it is tried (concurrent
 *       identical tries share one verification, which gives a guesser nothing), and it has an entry of its own, so
 *       it cannot touch the right password's entry.</li>
 *   <li><b>Changes take effect within the lifetime.</b> An entry lives {@code ttl} from its last verification; a
 *       refresh that fails (a user removed, a password changed) drops it at once.</li>
 * </ul>
 * The cache keys on the user name and a SHA-256 of the password with a per-process salt, never the password.
 */
class CachingAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final Duration ttl;
    private final Duration refreshAfter;
    private final int maxSize;
    private final Clock clock;
    private final Executor refresher;
    private final byte[] salt = new SecureRandom().generateSeed(16);
    private final Map<Key, Entry> cache = new ConcurrentHashMap<>();

    CachingAuthenticationProvider(AuthenticationProvider delegate, Duration ttl, int maxSize, Clock clock,
                                  Executor refresher) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.refreshAfter = ttl.minus(ttl.dividedBy(4));
        this.maxSize = maxSize;
        this.clock = clock;
        this.refresher = refresher;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String name = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (name == null || credentials == null) {
            return delegate.authenticate(authentication);
        }
        Key key = new Key(name, digest(credentials.toString()));
        while (true) {
            Instant now = clock.instant();
            Entry entry = cache.get(key);
            if (entry == null || entry.expiredAt(now)) {
                Entry fresh = new Entry(now);
                boolean mine = entry == null ? cache.putIfAbsent(key, fresh) == null : cache.replace(key, entry, fresh);
                if (!mine) {
                    continue; // another request started a verification meanwhile: wait for that one
                }
                evictIfFull(now);
                return copy(verify(key, fresh, authentication));
            }
            if (entry.due(now) && entry.refreshing.compareAndSet(false, true)) {
                refresher.execute(() -> refresh(key, entry, authentication));
            }
            try {
                return copy(entry.result.join());
            } catch (CompletionException e) {
                throw unwrap(e);
            }
        }
    }

    /** Runs the verification of a new entry on this thread; requests waiting on the entry get its outcome. */
    private Authentication verify(Key key, Entry entry, Authentication authentication) {
        try {
            Authentication result = delegate.authenticate(authentication);
            if (result == null || !result.isAuthenticated()) {
                cache.remove(key, entry);
                entry.result.completeExceptionally(new UnverifiedException());
                return result;
            }
            entry.result.complete(result);
            return result;
        } catch (RuntimeException e) {
            cache.remove(key, entry); // a failure is never remembered: the next try verifies again
            entry.result.completeExceptionally(e);
            throw e;
        }
    }

    /** A background verification of an entry near its end: renews it, or drops it when the check now fails. */
    private void refresh(Key key, Entry entry, Authentication authentication) {
        Instant started = clock.instant();
        try {
            Authentication result = delegate.authenticate(authentication);
            if (result != null && result.isAuthenticated()) {
                Entry renewed = new Entry(started);
                renewed.result.complete(result);
                cache.replace(key, entry, renewed);
            } else {
                cache.remove(key, entry);
            }
        } catch (InternalAuthenticationServiceException e) {
            entry.refreshing.set(false); // the user store could not answer: keep the entry until it expires
        } catch (AuthenticationException changed) {
            cache.remove(key, entry); // the user was removed or the password changed: stop accepting it now
        } catch (RuntimeException e) {
            entry.refreshing.set(false); // keep the entry until it expires; a later request tries again
        }
    }

    private void evictIfFull(Instant now) {
        if (cache.size() > maxSize) {
            cache.values().removeIf(e -> e.result.isDone() && e.expiredAt(now));
            if (cache.size() > maxSize) {
                cache.values().removeIf(e -> e.result.isDone());
            }
        }
    }

    private static Authentication copy(Authentication result) {
        if (result == null) {
            return null;
        }
        return UsernamePasswordAuthenticationToken.authenticated(result.getPrincipal(), null,
                result.getAuthorities());
    }

    private static RuntimeException unwrap(CompletionException e) {
        if (e.getCause() instanceof UnverifiedException) {
            return new BadCredentialsException("not verified");
        }
        return e.getCause() instanceof RuntimeException cause ? cause : e;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    private ByteBuffer digest(String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return ByteBuffer.wrap(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A user and the salted digest of a password (a {@link ByteBuffer} compares by content). */
    private record Key(String name, ByteBuffer digest) {
    }

    /** One verification of a user and password: under way, or succeeded at {@code verifiedAt}. */
    private final class Entry {

        final Instant verifiedAt;
        final CompletableFuture<Authentication> result = new CompletableFuture<>();
        final AtomicBoolean refreshing = new AtomicBoolean();

        Entry(Instant verifiedAt) {
            this.verifiedAt = verifiedAt;
        }

        /** A finished entry past its lifetime; one under way is never expired (its waiters need its result). */
        boolean expiredAt(Instant now) {
            return result.isDone() && !now.isBefore(verifiedAt.plus(ttl));
        }

        boolean due(Instant now) {
            return result.isDone() && !result.isCompletedExceptionally() && !now.isBefore(verifiedAt.plus(refreshAfter));
        }
    }

    /** The delegate answered without an authenticated result (it does not for a supported token). */
    private static final class UnverifiedException extends RuntimeException {
        UnverifiedException() {
            super(null, null, false, false);
        }
    }
}
