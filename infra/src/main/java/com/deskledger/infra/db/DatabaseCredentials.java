package com.deskledger.infra.db;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

/**
 * The embedded database's generated passwords: its superuser's, the schema owner's and the application's. Kept in
 * the data directory in a file only its owner may read (written owner-only before a byte of it is), never logged;
 * {@code toString()} hides them.
 */
public record DatabaseCredentials(String superuser, String owner, String app) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static DatabaseCredentials generate() {
        return new DatabaseCredentials(password(), password(), password());
    }

    static Optional<DatabaseCredentials> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return Optional.of(new DatabaseCredentials(properties.getProperty("superuser"),
                properties.getProperty("owner"), properties.getProperty("app")));
    }

    void write(Path file) {
        try {
            Path temporary = Files.createTempFile(file.getParent(), ".credentials-", ".tmp");
            try {
                if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                }
                Properties properties = new Properties();
                properties.setProperty("superuser", superuser);
                properties.setProperty("owner", owner);
                properties.setProperty("app", app);
                try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                    properties.store(writer, "DeskLedger's embedded PostgreSQL: passwords of postgres, "
                            + EmbeddedDatabase.OWNER_ROLE + " and " + EmbeddedDatabase.APP_ROLE);
                }
                Files.move(temporary, file);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** 32 random bytes, URL-safe Base64: nothing a SQL literal or a properties file would need escaped. */
    private static String password() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "DatabaseCredentials[hidden]";
    }
}
