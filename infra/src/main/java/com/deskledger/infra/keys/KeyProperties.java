package com.deskledger.infra.keys;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * {@code deskledger.keys.*}: where the application's keys live and which of them sign. One directory holds every
 * kind of key, one sub-directory per kind ({@code event-mac/}, {@code checkpoint/}), one file per key named by its
 * id ({@code kek/} holds the key-encryption keys of personal data). With the embedded database the directory
 * defaults to {@code <data-dir>-keys} and missing keys are generated; with any other database it must be given.
 */
@ConfigurationProperties("deskledger.keys")
public class KeyProperties {

    /** The key directory; outside the database's data directory, readable by the application's user only. */
    private Path dir;

    /** Create a key of a kind that has none yet (and the directory), instead of refusing to start. */
    private boolean generate;

    private Active eventMac = new Active();
    private Active checkpoint = new Active();
    private Active kek = new Active();

    public Path getDir() {
        return dir;
    }

    public void setDir(Path dir) {
        this.dir = dir;
    }

    public boolean isGenerate() {
        return generate;
    }

    public void setGenerate(boolean generate) {
        this.generate = generate;
    }

    public Active getEventMac() {
        return eventMac;
    }

    public void setEventMac(Active eventMac) {
        this.eventMac = eventMac;
    }

    public Active getCheckpoint() {
        return checkpoint;
    }

    public void setCheckpoint(Active checkpoint) {
        this.checkpoint = checkpoint;
    }

    public Active getKek() {
        return kek;
    }

    public void setKek(Active kek) {
        this.kek = kek;
    }

    /** Which key of a kind signs: the configured id, or else the greatest id (generated ids are UTC times). */
    public static class Active {

        private String active;

        public String getActive() {
            return active;
        }

        public void setActive(String active) {
            this.active = active;
        }
    }
}
