package com.deskledger.query.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tables a projection writes, all of them and nothing else. Verification rebuilds exactly these into a shadow
 * schema from the event store and compares them row by row with the live ones.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ViewTables {

    String[] value();
}
