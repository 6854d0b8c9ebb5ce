package com.deskledger.infra.security;

import com.deskledger.kernel.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code deskledger.security.*}: the users (bcrypt hashes), the Basic verification cache and the bearer-token rules.
 * Demo users come from {@code deskledger.demo-users}, on by default only with the embedded database.
 */
@ConfigurationProperties("deskledger.security")
public class DeskSecurityProperties {

    private List<User> users = new ArrayList<>();
    private Duration authCacheTtl = Duration.ofMinutes(5);
    private int authCacheSize = 10_000;
    private Jwt jwt = new Jwt();

    public List<User> getUsers() {
        return users;
    }

    public void setUsers(List<User> users) {
        this.users = users;
    }

    public Duration getAuthCacheTtl() {
        return authCacheTtl;
    }

    public void setAuthCacheTtl(Duration authCacheTtl) {
        this.authCacheTtl = authCacheTtl;
    }

    public int getAuthCacheSize() {
        return authCacheSize;
    }

    public void setAuthCacheSize(int authCacheSize) {
        this.authCacheSize = authCacheSize;
    }

    public Jwt getJwt() {
        return jwt;
    }

    public void setJwt(Jwt jwt) {
        this.jwt = jwt;
    }

    /** A configured user: name, bcrypt hash ({@code {bcrypt}$2a$...} or bare), roles and centres. */
    public static class User {

        private String name;
        private String passwordHash;
        private List<Role> roles = new ArrayList<>();
        private List<String> centres = new ArrayList<>();

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getPasswordHash() {
            return passwordHash;
        }

        public void setPasswordHash(String passwordHash) {
            this.passwordHash = passwordHash;
        }

        public List<Role> getRoles() {
            return roles;
        }

        public void setRoles(List<Role> roles) {
            this.roles = roles;
        }

        public List<String> getCentres() {
            return centres;
        }

        public void setCentres(List<String> centres) {
            this.centres = centres;
        }

        @Override
        public String toString() {
            return "User[" + name + "]";
        }
    }

    /**
     * Bearer tokens: the audience and issuer they must name (both required once JWT is configured; the issuer
     * defaults to {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}), the clock skew allowed on
     * {@code exp} and {@code nbf}, and the claim names read from them.
     */
    public static class Jwt {

        private String audience;
        private String issuer;
        private Duration clockSkew = Duration.ofSeconds(30);
        private String userClaim = "preferred_username";
        private String rolesClaim = "roles";
        private String centresClaim = "centres";

        public String getAudience() {
            return audience;
        }

        public void setAudience(String audience) {
            this.audience = audience;
        }

        public String getIssuer() {
            return issuer;
        }

        public void setIssuer(String issuer) {
            this.issuer = issuer;
        }

        public Duration getClockSkew() {
            return clockSkew;
        }

        public void setClockSkew(Duration clockSkew) {
            this.clockSkew = clockSkew;
        }

        public String getUserClaim() {
            return userClaim;
        }

        public void setUserClaim(String userClaim) {
            this.userClaim = userClaim;
        }

        public String getRolesClaim() {
            return rolesClaim;
        }

        public void setRolesClaim(String rolesClaim) {
            this.rolesClaim = rolesClaim;
        }

        public String getCentresClaim() {
            return centresClaim;
        }

        public void setCentresClaim(String centresClaim) {
            this.centresClaim = centresClaim;
        }
    }
}
