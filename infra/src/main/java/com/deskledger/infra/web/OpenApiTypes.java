package com.deskledger.infra.web;

import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;

import java.time.LocalTime;

/**
 * The OpenAPI document shows a local time ({@code start}, {@code end} of a shift) as the {@code "HH:mm"} text the
 * API reads, not as the object of hour, minute, second and nano that springdoc would infer from the class.
 */
@Configuration
public class OpenApiTypes {

    static {
        SpringDocUtils.getConfig().replaceWithSchema(LocalTime.class,
                new StringSchema().format("time").example("10:00").pattern("[0-2][0-9]:[0-5][0-9](:[0-5][0-9])?"));
    }
}
