package com.deskledger.infra.security;

import com.deskledger.infra.support.IntegrationTest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a JWT key configured, bearer tokens carry user, roles and centres; Basic keeps working beside them. A token
 * must name DeskLedger's audience and the configured issuer and carry an expiry.
 */
class JwtIT extends IntegrationTest {

    private static final KeyPair KEYS;

    static {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KEYS = generator.generateKeyPair();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void jwtKey(DynamicPropertyRegistry registry) throws Exception {
        Path pem = Files.createTempFile("deskledger-jwt", ".pem");
        pem.toFile().deleteOnExit();
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
        registry.add("deskledger.security.jwt.audience", () -> AUDIENCE);
        registry.add("deskledger.security.jwt.issuer", () -> ISSUER);
    }

    private static final String AUDIENCE = "deskledger-it";
    private static final String ISSUER = "https://idp.deskledger.test/";

    @Test
    void bearerTokenActsWithItsClaimedUserRolesAndCentre() throws Exception {
        HttpResponse<String> created = post(token("jwt-desk", List.of("RECEPTIONIST"), List.of("east")),
                "{\"channel\":\"WALK_IN\",\"purpose\":\"OTHER\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        String metadata = jdbc.queryForObject("""
                select convert_from(metadata, 'UTF8') from domainevententry where aggregateidentifier = ?""",
                String.class, id);
        assertThat(metadata).contains("\"user\":\"jwt-desk\"").contains("\"centre\":\"east\"");
    }

    @Test
    void bearerTokenWithoutTheRoleOrCentreIsRefused() throws Exception {
        assertThat(post(token("jwt-auditor", List.of("AUDITOR"), List.of("east")),
                "{\"channel\":\"WALK_IN\",\"purpose\":\"OTHER\"}").statusCode()).isEqualTo(403);
        assertThat(post(token("jwt-desk", List.of("RECEPTIONIST"), List.of("east")),
                "{\"centre\":\"main\",\"channel\":\"WALK_IN\",\"purpose\":\"OTHER\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void forgedOrMissingTokensAreUnauthenticatedAndBasicStillWorks() throws Exception {
        String token = token("jwt-desk", List.of("RECEPTIONIST"), List.of("east"));
        assertThat(post(token.substring(0, token.length() - 4) + "AAAA", "{}").statusCode()).isEqualTo(401);
        assertThat(http.post("reception", "/api/visits", "{\"channel\":\"WALK_IN\",\"purpose\":\"OTHER\"}").status())
                .isEqualTo(201);
    }

    @Test
    void aTokenForAnotherAudienceFromAForeignIssuerOrWithoutExpiryIsUnauthenticated() throws Exception {
        assertThat(get(token(claims -> { })).statusCode()).isEqualTo(200);
        assertThat(get(token(claims -> claims.audience("another-service"))).statusCode()).isEqualTo(401);
        assertThat(get(token(claims -> claims.audience(List.of()))).statusCode()).isEqualTo(401);
        assertThat(get(token(claims -> claims.issuer("https://foreign-idp.test/"))).statusCode()).isEqualTo(401);
        assertThat(get(token(claims -> claims.issuer(null))).statusCode()).isEqualTo(401);
        assertThat(get(token(claims -> claims.expirationTime(null))).statusCode()).isEqualTo(401);
        HttpResponse<String> expired = get(token(claims -> claims.expirationTime(Date.from(Instant.now()
                .minusSeconds(60)))));
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        // another audience beside ours is fine: aud may list several
        assertThat(get(token(claims -> claims.audience(List.of("another-service", AUDIENCE)))).statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<String> get(String bearer) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/views/reception?centre=east")).header("Authorization", "Bearer " + bearer).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String bearer, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/visits")).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String user, List<String> roles, List<String> centres) throws Exception {
        return token(user, roles, centres, claims -> { });
    }

    /** A receptionist's token of centre east, changed by {@code change}. */
    private static String token(Consumer<JWTClaimsSet.Builder> change) throws Exception {
        return token("jwt-desk", List.of("RECEPTIONIST"), List.of("east"), change);
    }

    private static String token(String user, List<String> roles, List<String> centres,
                                Consumer<JWTClaimsSet.Builder> change) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject("subject-" + user).claim("preferred_username", user).claim("roles", roles)
                .claim("centres", centres).issuer(ISSUER).audience(AUDIENCE).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)));
        change.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        jwt.sign(new RSASSASigner(KEYS.getPrivate()));
        return jwt.serialize();
    }
}
