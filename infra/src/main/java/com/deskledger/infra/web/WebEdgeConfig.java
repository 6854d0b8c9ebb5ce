package com.deskledger.infra.web;

import com.deskledger.kernel.ErrorCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The HTTP edge: request bodies read strictly, and problem+json for what is refused before Spring MVC.
 */
@Configuration
public class WebEdgeConfig {

    /**
     * Request and response bodies with a strict copy of the application's {@link ObjectMapper} (see
     * {@link StrictJson}). Spring Boot's own converter steps aside for this bean. Axon's event serializer uses the
     * application's mapper itself, which stays lenient: stored events are read as they were written.
     */
    @Bean
    MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper shared) {
        return new MappingJackson2HttpMessageConverter(StrictJson.of(shared));
    }

    /**
     * Spring Security's firewall ({@code StrictHttpFirewall}) refuses URLs with {@code ;}, {@code %3B},
     * {@code //}, {@code %2e%2e} and the like: 400 problem+json with {@code REQUEST_REJECTED}, written at once
     * (no error dispatch, which would go through the same firewall again).
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return (request, response, rejected) -> {
            response.setHeader(HttpHeaders.CONNECTION, "close");
            Problems.write(response, Problems.of(ErrorCode.REQUEST_REJECTED, request), json);
        };
    }

    /**
     * Tomcat's error report valve, which answers what Tomcat refuses before any servlet runs ({@code %00}, an encoded
     * slash), replaced by {@link ProblemReportValve}. Spring Boot adds its own (HTML) valve to the host in a context
     * customizer; this one (unordered, so last) runs after it and takes its place.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> {
                    var pipeline = context.getParent().getPipeline();
                    for (Valve valve : pipeline.getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            pipeline.removeValve(valve);
                        }
                    }
                    pipeline.addValve(new ProblemReportValve());
                    // the host adds a valve of this class when it starts unless it finds one: it finds ours
                    if (context.getParent() instanceof StandardHost host) {
                        host.setErrorReportValveClass(ProblemReportValve.class.getName());
                    }
                });
            }
        };
    }
}
