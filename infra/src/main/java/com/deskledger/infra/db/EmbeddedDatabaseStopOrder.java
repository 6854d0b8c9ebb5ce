package com.deskledger.infra.db;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;

/** Once the application has started, moves the embedded database's stop before the end of logging at exit. */
class EmbeddedDatabaseStopOrder implements ApplicationListener<ApplicationStartedEvent> {

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        EmbeddedDatabase.stopBeforeLoggingEnds();
    }
}
