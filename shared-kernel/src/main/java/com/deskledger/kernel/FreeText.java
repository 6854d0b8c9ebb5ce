package com.deskledger.kernel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a request field of free text (a description, a note, a message): it may hold line breaks and tabs. Every
 * other text field is one line. No text field ever holds another control character, a NUL above all (PostgreSQL
 * cannot store it); the web layer refuses them as the request is read.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface FreeText {
}
