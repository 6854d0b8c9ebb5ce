package com.deskledger.infra.support;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A second application context in the same JVM (a test's second node) claims processor segments under a name of
 * its own ({@code deskledger.test.token-owner}). Axon names the owner of a claim after the JVM, so two contexts of
 * one JVM would both take every claim as theirs and both process every event: two real nodes never do.
 */
@Configuration
public class TokenOwner {

    @Bean
    @ConditionalOnProperty("deskledger.test.token-owner")
    TokenStore tokenStore(ConnectionProvider connectionProvider, @Qualifier("serializer") Serializer serializer,
                          @Value("${deskledger.test.token-owner}") String owner) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(TokenSchema.builder().build())
                .serializer(serializer)
                .nodeId(owner)
                .build();
    }
}
