package com.deskledger.infra.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.List;

/**
 * One revision step of an event whose personal fields became {@code Sealed}: the values a revision written before
 * sealing holds in plain text are marked {@code plain:}, so they are read as what they are (never protected)
 * rather than mistaken for ciphertext. A field inside an object is named by its path ({@code customer.name}).
 */
class MarkPlainValues extends SingleEventUpcaster {

    static final String PLAIN = "plain:";

    private final SimpleSerializedType from;
    private final SimpleSerializedType to;
    private final List<String> fields;
    private final List<String> dropped;

    MarkPlainValues(String type, String fromRevision, String toRevision, List<String> fields) {
        this(type, fromRevision, toRevision, fields, List.of());
    }

    /** Also drops fields the new revision no longer has (values derived from others, never data of their own). */
    MarkPlainValues(String type, String fromRevision, String toRevision, List<String> fields, List<String> dropped) {
        this.from = new SimpleSerializedType(type, fromRevision);
        this.to = new SimpleSerializedType(type, toRevision);
        this.fields = List.copyOf(fields);
        this.dropped = List.copyOf(dropped);
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return from.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(to, JsonNode.class, payload -> {
            if (payload instanceof ObjectNode object) {
                for (String path : fields) {
                    mark(object, path);
                }
                for (String path : dropped) {
                    drop(object, path);
                }
            }
            return payload;
        });
    }

    private static void drop(ObjectNode object, String path) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            object.remove(path);
        } else if (object.get(path.substring(0, dot)) instanceof ObjectNode inner) {
            drop(inner, path.substring(dot + 1));
        }
    }

    private static void mark(ObjectNode object, String path) {
        int dot = path.indexOf('.');
        if (dot > 0) {
            if (object.get(path.substring(0, dot)) instanceof ObjectNode inner) {
                mark(inner, path.substring(dot + 1));
            }
            return;
        }
        JsonNode value = object.get(path);
        if (value != null && value.isTextual() && !value.asText().isBlank()) {
            object.put(path, PLAIN + value.asText());
        } else if (value != null && value.isTextual()) {
            object.putNull(path);
        }
    }
}
