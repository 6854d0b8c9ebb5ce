package com.deskledger.infra.db;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Another running process owns the embedded database's data directory: this instance does not start, and the other
 * one's database is left alone. The message names the directory and the processes.
 */
public class DataDirectoryInUseException extends IllegalStateException {

    private final Path dataDirectory;

    DataDirectoryInUseException(Path dataDirectory, OptionalLong ownerPid,
                                Optional<EmbeddedDatabase.Postmaster> postmaster) {
        super(describe(dataDirectory, ownerPid, postmaster));
        this.dataDirectory = dataDirectory;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    private static String describe(Path dir, OptionalLong ownerPid, Optional<EmbeddedDatabase.Postmaster> postmaster) {
        StringBuilder text = new StringBuilder("The data directory ").append(dir).append(" is in use by ");
        text.append(ownerPid.isPresent() ? "another running DeskLedger (process " + ownerPid.getAsLong() + ")"
                : "another running process");
        postmaster.ifPresent(pm -> {
            text.append(", whose embedded PostgreSQL is process ").append(pm.pid());
            pm.port().ifPresent(port -> text.append(" on port ").append(port));
        });
        return text.append(". Two instances cannot share one embedded database, so this one does not start and "
                + "leaves that database alone.").toString();
    }
}
