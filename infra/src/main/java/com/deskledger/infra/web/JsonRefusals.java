package com.deskledger.infra.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Turns Jackson's refusal of a request body into {@code {field, message}}: the field as a path such as
 * {@code price.minor} or {@code lines[0].quantity} ({@code $} when the body as a whole is wrong), and a message in
 * our own words. The parser's message is never passed on: it may quote the value sent, personal data included.
 */
final class JsonRefusals {

    static final String BODY = "$";

    private JsonRefusals() {
    }

    static Map<String, String> describe(Throwable cause) {
        if (cause == null) {
            return Map.of("field", BODY, "message", "a JSON body is required");
        }
        if (cause instanceof JsonMappingException mapping) {
            if (mapping.getCause() instanceof JsonParseException parse && parse.getProcessor() instanceof JsonParser) {
                // a key given twice, broken JSON: where the parser stood names the whole path
                return describe(parse);
            }
            String field = path(mapping);
            if (field.startsWith("[")) {
                field = BODY + field;
            }
            if (field.isEmpty()) {
                Throwable inner = mapping.getCause();
                if (inner instanceof JsonProcessingException processing && inner != mapping) {
                    return describe(processing);
                }
                field = mapping.getProcessor() instanceof JsonParser parser ? path(parser) : BODY;
            }
            return Map.of("field", field, "message", message(mapping));
        }
        if (cause instanceof JsonProcessingException processing) {
            String field = processing.getProcessor() instanceof JsonParser parser ? path(parser) : BODY;
            return Map.of("field", field, "message", message(processing));
        }
        return Map.of("field", BODY, "message", "the request body could not be read");
    }

    private static String message(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StrictJson.RefusedText) {
            return original;
        }
        if (original.contains("Floating-point")) {
            return "a whole number is expected";
        }
        if (e.getCause() instanceof InputCoercionException || e instanceof InputCoercionException) {
            return "number out of range";
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof InvalidNullException) {
            return "must not be null";
        }
        if (e instanceof MismatchedInputException typed && typed.getTargetType() != null
                && typed.getTargetType().isEnum()) {
            return "not one of the allowed values";
        }
        if (original.startsWith("Cannot coerce")) {
            return "wrong type";
        }
        if (e instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            return target != null && target.isEnum() ? "not one of the allowed values" : "invalid value";
        }
        if (e instanceof ValueInstantiationException) {
            return "invalid value";
        }
        if (e instanceof StreamConstraintsException) {
            return "nested too deeply, or a number or text too long";
        }
        if (original.startsWith("Duplicate field")) {
            return "given twice";
        }
        if (original.startsWith("Trailing token")) {
            return "unexpected content after the JSON value";
        }
        if (e instanceof MismatchedInputException mismatch) {
            Class<?> target = mismatch.getTargetType();
            if (original.contains("No content to map")) {
                return "a JSON body is required";
            }
            if (target != null && target.isEnum()) {
                return "not one of the allowed values";
            }
            return "wrong type";
        }
        if (e instanceof JsonParseException) {
            return "not valid JSON";
        }
        return "invalid value";
    }

    /** {@code a.b[2].c} from a mapping exception's path. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The same path from where the parser stood (a duplicate key, a token too deep, broken JSON). */
    private static String path(JsonParser parser) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
             context = context.getParent()) {
            if (context.inObject() && context.getCurrentName() != null) {
                parts.addFirst("." + context.getCurrentName());
            } else if (context.inArray()) {
                parts.addFirst("[" + Math.max(0, context.getCurrentIndex()) + "]");
            }
        }
        String path = String.join("", parts);
        path = path.startsWith(".") ? path.substring(1) : path;
        return path.isEmpty() ? BODY : path.startsWith("[") ? BODY + path : path;
    }
}
