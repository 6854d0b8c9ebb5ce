package com.deskledger.infra.web;

import org.axonframework.springboot.updates.UpdateCheckConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application itself switches AxonIQ's update checker off (it would send usage data and ask for updates at
 * every start), whatever the environment says: the setting is read from the application's own configuration, as
 * Axon's auto-configuration reads it. The tests' environment variable is not what keeps it off.
 */
class NoCallingHomeTest {

    @Test
    void theUpdateCheckerIsOffInTheApplicationsOwnConfiguration() throws Exception {
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application",
                new ClassPathResource("application.yml"));
        UpdateCheckConfiguration updateCheck = new Binder(ConfigurationPropertySources.from(yaml))
                .bind("axon.update-check", UpdateCheckConfiguration.class).orElseGet(UpdateCheckConfiguration::new);
        assertThat(updateCheck.getDisabled()).isTrue();
    }

    @Test
    void xstreamIsNotOnTheClassPath() {
        assertThat(getClass().getClassLoader().getResource("com/thoughtworks/xstream/XStream.class")).isNull();
    }
}
