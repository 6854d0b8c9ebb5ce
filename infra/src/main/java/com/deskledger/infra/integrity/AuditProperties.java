package com.deskledger.infra.integrity;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/** {@code deskledger.audit.*}: signed checkpoints of the event store. */
@ConfigurationProperties("deskledger.audit")
public class AuditProperties {

    /** How often a checkpoint is taken (when events were appended since the last); zero: only on demand. */
    private Duration checkpointInterval = Duration.ofMinutes(10);

    /** A directory outside the database where every checkpoint's receipt is also written; unset: none. */
    private Path checkpointDir;

    /** How long a checkpoint waits for appends still running at or below its index before it gives up. */
    private Duration checkpointWait = Duration.ofSeconds(10);

    public Duration getCheckpointInterval() {
        return checkpointInterval;
    }

    public void setCheckpointInterval(Duration checkpointInterval) {
        this.checkpointInterval = checkpointInterval;
    }

    public Path getCheckpointDir() {
        return checkpointDir;
    }

    public void setCheckpointDir(Path checkpointDir) {
        this.checkpointDir = checkpointDir;
    }

    public Duration getCheckpointWait() {
        return checkpointWait;
    }

    public void setCheckpointWait(Duration checkpointWait) {
        this.checkpointWait = checkpointWait;
    }
}
