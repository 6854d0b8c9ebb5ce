package com.deskledger.infra;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** Starts DeskLedger. With no database configured it runs on an embedded PostgreSQL kept in {@code ./data}. */
@SpringBootApplication(scanBasePackages = "com.deskledger")
@EntityScan("com.deskledger")
@EnableJpaRepositories("com.deskledger")
@ConfigurationPropertiesScan("com.deskledger")
public class DeskLedgerApplication {

    public static void main(String[] args) {
        SpringApplication.run(DeskLedgerApplication.class, args);
    }
}
