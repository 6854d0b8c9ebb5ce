package com.deskledger.infra.cluster;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Gives the node its id before anything reads it ({@code deskledger.node.id}): configured, or the host name and the
 * configured HTTP port ({@code desk-1:8080}), or, when the port is chosen at start ({@code server.port=0}) or two
 * nodes may share host and port, the host name and a random suffix ({@code desk-1-3fa9c2}). Set here, in the
 * environment, so the token store, db-scheduler and the log pattern all read the same id.
 */
public class NodeIdEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "deskledger.node.id";
    /** What an id may hold: it is written to logs, token claims and db-scheduler's {@code picked_by} (50 chars). */
    static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,50}");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String configured = env.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            if (!VALID.matcher(configured).matches()) {
                throw new IllegalStateException(PROPERTY + " must be 1 to 50 letters, digits or . _ : -");
            }
            return;
        }
        String port = env.getProperty("server.port", "8080");
        String id = "0".equals(port.trim()) ? host() + "-" + suffix() : host() + ":" + port.trim();
        env.getPropertySources().addFirst(new MapPropertySource("deskledger-node", Map.of(PROPERTY, id)));
    }

    /** The host name, cut to what an id may hold. */
    static String host() {
        String name;
        try {
            name = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            name = System.getenv().getOrDefault("HOSTNAME", "node");
        }
        String cleaned = name.replaceAll("[^A-Za-z0-9.-]", "-");
        if (cleaned.isEmpty()) {
            cleaned = "node";
        }
        return cleaned.length() > 36 ? cleaned.substring(0, 36) : cleaned;
    }

    private static String suffix() {
        byte[] bytes = new byte[3];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
