package com.deskledger.infra.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The bearer-token rules on their own: audience, issuer, a required expiry, and a 30-second clock skew. */
class JwtRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final OAuth2TokenValidator<Jwt> RULES = JwtRules.validator("deskledger", "https://idp.example/",
            Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void acceptsOurAudienceAndIssuerWithinItsLifetime() {
        assertThat(valid(token(t -> { }))).isTrue();
        assertThat(valid(token(t -> t.claim("aud", List.of("other-service", "deskledger"))))).isTrue();
    }

    @Test
    void refusesAnotherAudienceAForeignIssuerOrNoExpiry() {
        assertThat(valid(token(t -> t.claim("aud", List.of("other-service"))))).isFalse();
        assertThat(valid(token(t -> t.claims(c -> c.remove("aud"))))).isFalse();
        assertThat(valid(token(t -> t.claim("iss", "https://elsewhere.example/")))).isFalse();
        assertThat(valid(token(t -> t.claims(c -> c.remove("iss"))))).isFalse();
        assertThat(valid(token(t -> t.claims(c -> c.remove("exp"))))).isFalse();
    }

    @Test
    void allowsThirtySecondsOfClockSkewAndNoMore() {
        assertThat(valid(token(t -> t.claim("exp", NOW.minusSeconds(29))))).isTrue();
        assertThat(valid(token(t -> t.claim("exp", NOW.minusSeconds(31))))).isFalse();
        assertThat(valid(token(t -> t.claim("nbf", NOW.plusSeconds(29))))).isTrue();
        assertThat(valid(token(t -> t.claim("nbf", NOW.plusSeconds(31))))).isFalse();
    }

    private static boolean valid(Jwt jwt) {
        return !RULES.validate(jwt).hasErrors();
    }

    private static Jwt token(Consumer<Jwt.Builder> change) {
        Jwt.Builder builder = Jwt.withTokenValue("token").header("alg", "RS256").subject("desk")
                .claim("iss", "https://idp.example/").claim("aud", List.of("deskledger"))
                .claim("iat", NOW.minusSeconds(60)).claim("exp", NOW.plusSeconds(300));
        change.accept(builder);
        return builder.build();
    }
}
