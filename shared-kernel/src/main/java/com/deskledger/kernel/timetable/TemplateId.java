package com.deskledger.kernel.timetable;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies a ClassTemplate (a weekly class pattern). A UUID in text form. */
public record TemplateId(@JsonValue String value) {

    @JsonCreator
    public TemplateId {
        if (value == null) {
            throw new IllegalArgumentException("id is required");
        }
        UUID.fromString(value);
    }

    public static TemplateId random() {
        return new TemplateId(UUID.randomUUID().toString());
    }

    public static TemplateId of(String value) {
        return new TemplateId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
