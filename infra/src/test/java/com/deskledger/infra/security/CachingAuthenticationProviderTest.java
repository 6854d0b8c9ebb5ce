package com.deskledger.infra.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Basic verification cache: one bcrypt per credential at a time, renewed ahead, never caching a failure. */
class CachingAuthenticationProviderTest {

    private static final Duration TTL = Duration.ofMinutes(5);

    private final CountingBcrypt bcrypt = new CountingBcrypt();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-05T09:00:00Z"));
    /** Background refreshes wait here until the test runs them, so every step is deterministic. */
    private final Queue<Runnable> refreshes = new ArrayDeque<>();
    private InMemoryUserDetailsManager users;
    private CachingAuthenticationProvider provider;

    @BeforeEach
    void setUp() {
        users = new InMemoryUserDetailsManager();
        for (String name : List.of("reception", "supervisor", "manager", "auditor")) {
            users.createUser(User.withUsername(name).password(bcrypt.encode(name)).roles("RECEPTIONIST").build());
        }
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(bcrypt);
        provider = new CachingAuthenticationProvider(dao, TTL, 10_000, clock, refreshes::add);
        bcrypt.calls.set(0);
    }

    @Test
    void sixtyFourConcurrentRequestsWithTheSameCredentialsRunBcryptOnce() throws Exception {
        List<Authentication> results = concurrently(64, i -> "reception");

        assertThat(results).hasSize(64).allMatch(Authentication::isAuthenticated);
        assertThat(bcrypt.calls).hasValue(1);
    }

    @Test
    void aColdStartVerifiesEachCredentialOnce() throws Exception {
        List<String> names = List.of("reception", "supervisor", "manager", "auditor");

        List<Authentication> results = concurrently(64, i -> names.get(i % names.size()));

        assertThat(results).hasSize(64).allMatch(Authentication::isAuthenticated);
        assertThat(results).extracting(Authentication::getName).containsOnlyElementsOf(names);
        assertThat(bcrypt.calls).hasValue(names.size());
    }

    @Test
    void aWrongPasswordIsVerifiedEveryTimeAndLeavesTheRightOneCached() {
        assertThat(login("reception", "reception").isAuthenticated()).isTrue();
        assertThat(bcrypt.calls).hasValue(1);

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> login("reception", "guess")).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(bcrypt.calls).as("each wrong try costs a bcrypt").hasValue(6);

        assertThat(login("reception", "reception").isAuthenticated()).isTrue();
        assertThat(bcrypt.calls).as("the right password is still cached").hasValue(6);
    }

    @Test
    void concurrentWrongTriesAllFailAndNothingIsRemembered() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                tries.add(pool.submit(() -> {
                    go.await();
                    try {
                        login("manager", "wrong");
                        return true;
                    } catch (BadCredentialsException refused) {
                        return false;
                    }
                }));
            }
            go.countDown();
            for (Future<Boolean> attempt : tries) {
                assertThat(attempt.get()).isFalse();
            }
        } finally {
            pool.shutdownNow();
        }
        int afterBurst = bcrypt.calls.get();
        assertThatThrownBy(() -> login("manager", "wrong")).isInstanceOf(BadCredentialsException.class);
        assertThat(bcrypt.calls).as("a failure is never cached").hasValue(afterBurst + 1);
    }

    @Test
    void anEntryNearItsEndIsRenewedInTheBackgroundSoNoRequestWaitsForBcrypt() {
        login("reception", "reception");
        assertThat(bcrypt.calls).hasValue(1);

        clock.advance(Duration.ofMinutes(4)); // in the last quarter of the five minutes
        for (int i = 0; i < 10; i++) {
            assertThat(login("reception", "reception").isAuthenticated()).isTrue();
        }
        assertThat(bcrypt.calls).as("answered from the cache").hasValue(1);
        assertThat(refreshes).as("one renewal, however many requests").hasSize(1);

        refreshes.poll().run();
        assertThat(bcrypt.calls).hasValue(2);

        clock.advance(Duration.ofMinutes(3)); // past the first verification's end, within the renewed one's
        assertThat(login("reception", "reception").isAuthenticated()).isTrue();
        assertThat(bcrypt.calls).as("no request verified in line").hasValue(2);
        assertThat(refreshes).isEmpty();
    }

    @Test
    void aRemovedUserStopsWorkingAtTheRenewal() {
        login("supervisor", "supervisor");
        users.deleteUser("supervisor");

        clock.advance(Duration.ofMinutes(4));
        login("supervisor", "supervisor");
        refreshes.poll().run();

        assertThatThrownBy(() -> login("supervisor", "supervisor")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aChangedPasswordStopsWorkingWithinTheLifetimeWithoutTraffic() {
        login("auditor", "auditor");
        users.updateUser(User.withUsername("auditor").password(bcrypt.encode("new secret")).roles("AUDITOR").build());

        clock.advance(TTL);

        assertThatThrownBy(() -> login("auditor", "auditor")).isInstanceOf(BadCredentialsException.class);
        assertThat(login("auditor", "new secret").isAuthenticated()).isTrue();
    }

    private Authentication login(String name, String password) {
        return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name, password));
    }

    private List<Authentication> concurrently(int requests, java.util.function.IntFunction<String> user)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            CountDownLatch ready = new CountDownLatch(requests);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Authentication>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String name = user.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return login(name, name);
                }));
            }
            ready.await();
            go.countDown();
            List<Authentication> results = new ArrayList<>();
            for (Future<Authentication> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Real bcrypt (cost 10, as configured users' hashes are), counting the verifications. */
    private static final class CountingBcrypt implements PasswordEncoder {

        final AtomicInteger calls = new AtomicInteger();
        private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(10);

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            calls.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    }

    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
