package com.deskledger.infra.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Run in a JVM of its own by {@link EmbeddedDatabaseOwnershipIT}: owns the embedded database of a data directory,
 * as the application does, stores a row, says {@code READY <port> <postmaster pid>} and holds on until its standard
 * input closes (or it is killed).
 */
public final class EmbeddedDatabaseHolder {

    private EmbeddedDatabaseHolder() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase db = EmbeddedDatabase.open(Path.of(args[0]), 0);
        // no Spring application runs here, so no Spring Boot shutdown handler: stop the server at exit directly
        Runtime.getRuntime().addShutdownHook(new Thread(db::close));
        try (Connection c = DriverManager.getConnection(db.jdbcUrl());
             Statement s = c.createStatement()) {
            s.execute("create table if not exists kept (note text)");
            s.execute("insert into kept values ('written by the first owner')");
        }
        long postmaster = EmbeddedDatabase.Postmaster.read(db.dataDirectory()).orElseThrow().pid();
        System.out.println("READY " + db.port() + " " + postmaster);
        System.out.flush();
        while (System.in.read() >= 0) {
            // hold the database until the test closes our input
        }
        System.exit(0);
    }
}
