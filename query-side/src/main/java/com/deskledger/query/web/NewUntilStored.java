package com.deskledger.query.web;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * A view row that knows whether it has been stored, so that saving a row made for a new aggregate inserts it
 * straight away: with an assigned id, Spring Data would otherwise look the row up first to choose between insert and
 * update (a select per event during a replay). Rows made with {@code super(true)} are new until persisted; rows
 * Hibernate loads (through the no-argument constructor) are not.
 */
@MappedSuperclass
public abstract class NewUntilStored implements Persistable<String> {

    @Transient
    private boolean fresh;

    protected NewUntilStored() {
    }

    protected NewUntilStored(boolean fresh) {
        this.fresh = fresh;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    protected void stored() {
        fresh = false;
    }
}
