package com.deskledger.infra.security;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a bearer token must satisfy besides its signature, once JWT is configured (an issuer URI, a JWK set URI or a
 * public key): our audience in {@code aud}, our issuer in {@code iss}, an {@code exp} (a token without one would
 * never expire), and {@code exp}/{@code nbf} within {@code deskledger.security.jwt.clock-skew} (30 s) of this
 * server's clock. Spring Boot adds every {@code OAuth2TokenValidator<Jwt>} bean to the decoder it builds, beside its
 * own defaults (whose 60 s skew is wider, so this one is the one that binds). Start-up fails when the audience or the
 * issuer is missing: a token minted for another service of the same identity provider must not be accepted here.
 */
@Configuration
class JwtRules {

    static final String PREFIX = "spring.security.oauth2.resourceserver.jwt.";

    @Bean
    @Conditional(JwtConfigured.class)
    OAuth2TokenValidator<Jwt> deskLedgerJwtRules(DeskSecurityProperties properties, Environment environment) {
        DeskSecurityProperties.Jwt jwt = properties.getJwt();
        String issuer = jwt.getIssuer() != null && !jwt.getIssuer().isBlank() ? jwt.getIssuer()
                : environment.getProperty(PREFIX + "issuer-uri");
        if (jwt.getAudience() == null || jwt.getAudience().isBlank()) {
            throw new IllegalStateException("JWT is configured, but deskledger.security.jwt.audience is not: name the"
                    + " audience (aud) that tokens for DeskLedger carry");
        }
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalStateException("JWT is configured, but no issuer: set " + PREFIX + "issuer-uri or"
                    + " deskledger.security.jwt.issuer to the iss that tokens for DeskLedger carry");
        }
        return validator(jwt.getAudience(), issuer, jwt.getClockSkew(), Clock.systemUTC());
    }

    /** The rules, apart from Spring: audience, issuer, a required {@code exp}, and the clock skew. */
    static OAuth2TokenValidator<Jwt> validator(String audience, String issuer, Duration clockSkew, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(clockSkew);
        timestamps.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                timestamps,
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)));
    }

    /** Any of the ways Spring Boot's resource server takes a JWT key. */
    static class JwtConfigured extends AnyNestedCondition {

        JwtConfigured() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(PREFIX + "issuer-uri")
        static class IssuerUri {
        }

        @ConditionalOnProperty(PREFIX + "jwk-set-uri")
        static class JwkSetUri {
        }

        @ConditionalOnProperty(PREFIX + "public-key-location")
        static class PublicKeyLocation {
        }
    }
}
