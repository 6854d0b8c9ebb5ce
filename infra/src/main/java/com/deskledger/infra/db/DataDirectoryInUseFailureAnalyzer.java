package com.deskledger.infra.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says, instead of a stack trace, why a second instance on a data directory in use did not start and what to do. */
public class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Stop the other instance first; or give this one a data directory of its own with "
                        + "--deskledger.data-dir=DIR (a separate, empty database); or run several nodes on one "
                        + "PostgreSQL server with DESKLEDGER_DB_URL (see the README's Configuration).",
                cause);
    }
}
