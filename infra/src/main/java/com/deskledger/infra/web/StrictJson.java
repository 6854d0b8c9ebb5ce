package com.deskledger.infra.web;

import com.deskledger.kernel.FreeText;
import com.deskledger.kernel.NotPersonal;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The reader of request bodies: JSON taken as it was written, never bent into shape. A copy of the application's
 * {@link ObjectMapper} (the one Axon serializes events with stays as it is) that refuses
 * <ul>
 *   <li>dates, times and instants other than as ISO-8601 text ({@code "arrivedAt": 1} is not 1970);</li>
 *   <li>fractions where a whole number is expected ({@code "minor": 100.125} is not 100), numbers where an enum
 *       is expected ({@code "purpose": 1}), strings where a number or boolean is expected and numbers or booleans
 *       where text is expected;</li>
 *   <li>unknown fields, unknown enum values, a key given twice, anything after the JSON value;</li>
 *   <li>nesting deeper than {@value #MAX_DEPTH}, numbers longer than {@value #MAX_NUMBER_LENGTH} digits;</li>
 *   <li>in any text, a control character (NUL above all: PostgreSQL cannot store it) or half of a surrogate pair;
 *       only a {@link FreeText} field may hold line breaks ({@code \n}, {@code \r\n}) and tabs.</li>
 * </ul>
 * Each refusal is a Jackson exception carrying the path of the field, which {@link ProblemHandler} names.
 */
public final class StrictJson {

    static final int MAX_DEPTH = 32;
    static final int MAX_NUMBER_LENGTH = 40;
    /** A phone number: seven digits or more, spaces, dashes and brackets between them, maybe a leading +. */
    private static final Pattern PHONE = Pattern.compile("\\+?\\d(?:[\\s\\-()]*\\d){6,}");
    /** Dates are not phone numbers: 2026-08-03, 3.8.2026, 03/08/26. */
    private static final Pattern DATE = Pattern.compile(
            "\\b(?:\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4})\\b");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

    private StrictJson() {
    }

    /** A strict copy of the given mapper; the given one is not changed. */
    public static ObjectMapper of(ObjectMapper shared) {
        ObjectMapper strict = shared.copy();
        strict.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        strict.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL,
                DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE,
                DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
                DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
                DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT);
        strict.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        strict.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxNumberLength(MAX_NUMBER_LENGTH).build());
        refuse(strict, LogicalType.Integer, CoercionInputShape.Float, CoercionInputShape.String,
                CoercionInputShape.Boolean, CoercionInputShape.EmptyString);
        refuse(strict, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean,
                CoercionInputShape.EmptyString);
        refuse(strict, LogicalType.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.String, CoercionInputShape.EmptyString);
        refuse(strict, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.EmptyString);
        refuse(strict, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        refuse(strict, LogicalType.POJO, CoercionInputShape.EmptyString, CoercionInputShape.EmptyArray);
        refuse(strict, LogicalType.Collection, CoercionInputShape.EmptyString);
        SimpleModule checks = new SimpleModule("deskledger-strict-input")
                .addDeserializer(String.class, new CheckedText(false, false));
        checks.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                // java.time reads numbers as epoch seconds or days: "arrivedAt": 1 would be 1970
                return description.getBeanClass().getPackageName().equals("java.time")
                        ? new TextOnly(deserializer) : deserializer;
            }
        });
        strict.registerModule(checks);
        return strict;
    }

    private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }

    /**
     * Why a text cannot be taken, or {@code null} when it can: control characters other than a line break or a
     * tab in free text, and surrogates that are not half of a pair (they cannot be encoded as UTF-8).
     */
    static String refusal(String text, boolean freeText) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "holds half of a surrogate pair";
            } else if (c == '\u0000') {
                return "holds a NUL character";
            } else if (Character.getType(c) == Character.CONTROL && !(freeText && allowedInFreeText(text, i))) {
                return freeText ? "holds a control character (only line breaks and tabs are allowed)"
                        : "holds a control character (one line of text expected)";
            }
        }
        return null;
    }

    /** Why a text stored in plain ({@link NotPersonal}) cannot be taken, or {@code null} when it can. */
    static String personalRefusal(String text) {
        if (PHONE.matcher(DATE.matcher(text).replaceAll(" ")).find()) {
            return "must not hold a phone number: this text is not sealed, so erasure could not reach it";
        }
        if (EMAIL.matcher(text).find()) {
            return "must not hold an e-mail address: this text is not sealed, so erasure could not reach it";
        }
        return null;
    }

    private static boolean allowedInFreeText(String text, int i) {
        char c = text.charAt(i);
        return c == '\n' || c == '\t' || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n');
    }

    /** Dates, times and instants only as ISO-8601 text, never as numbers or arrays. */
    static final class TextOnly extends DelegatingDeserializer {

        TextOnly(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new TextOnly(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return ctxt.handleUnexpectedToken(handledType(), parser);
            }
            return super.deserialize(parser, ctxt);
        }
    }

    /** A text value that holds what no text field may hold. */
    static final class RefusedText extends JsonMappingException {

        RefusedText(JsonParser parser, String reason) {
            super(parser, reason);
        }
    }

    /** Reads a JSON string into a {@code String}, and nothing else into one, refusing what {@link #refusal} finds. */
    static final class CheckedText extends StdScalarDeserializer<String> implements ContextualDeserializer {

        private final boolean freeText;
        private final boolean notPersonal;

        CheckedText(boolean freeText, boolean notPersonal) {
            super(String.class);
            this.freeText = freeText;
            this.notPersonal = notPersonal;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            boolean free = property != null && property.getAnnotation(FreeText.class) != null;
            boolean plain = property != null && property.getAnnotation(NotPersonal.class) != null;
            return free == freeText && plain == notPersonal ? this : new CheckedText(free, plain);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getText();
            String refusal = refusal(text, freeText);
            if (refusal == null && notPersonal) {
                refusal = personalRefusal(text);
            }
            if (refusal != null) {
                throw new RefusedText(parser, refusal);
            }
            return text;
        }
    }
}
