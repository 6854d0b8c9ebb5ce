package com.deskledger.kernel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a request text that is stored in plain, not sealed with anyone's key: a label or note about the centre's
 * own work (a complaint's nature and department, a shift's reasons and hand-over note, a class's name, a product's
 * description). Erasure cannot reach it, so it must not hold a person's contact details: the web layer refuses a
 * phone number (seven digits or more, spaces, dashes and brackets between them allowed) or an e-mail address in it
 * as the request is read. A name cannot be recognised; the README's inventory says so.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface NotPersonal {
}
