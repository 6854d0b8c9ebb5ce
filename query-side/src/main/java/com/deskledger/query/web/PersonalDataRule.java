package com.deskledger.query.web;

import com.deskledger.kernel.Actor;
import com.deskledger.kernel.Role;
import com.deskledger.kernel.Sealed;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one masking rule, wherever personal data is shown (views, audit history, dashboard, exports): desk staff
 * (RECEPTIONIST and up) see it in full, ID numbers in full to managers only; every other role (AUDITOR, ADMIN)
 * sees names, phones, ID numbers and e-mail addresses masked by {@link Masking} and no free text at all.
 * Exports carry no payloads, so they hold nothing to mask.
 */
public final class PersonalDataRule {

    /** What a withheld free text or an unreadable sealed value reads as for roles that see no personal data. */
    public static final String WITHHELD = "[withheld]";
    private static final String PLAIN = "plain:";
    private static final Set<String> NAMES = Set.of("name", "visitorName", "guardianName");
    private static final Set<String> PHONES = Set.of("phone", "guardianPhone", "callbackNumber");

    private PersonalDataRule() {
    }

    public static boolean revealsPersonalData(Actor actor) {
        return actor.has(Role.RECEPTIONIST);
    }

    public static boolean revealsIdNumber(Actor actor) {
        return actor.has(Role.MANAGER);
    }

    /**
     * An event's payload as the audit history shows it to a role that sees no personal data: every sealed field
     * (found on the payload's own type, nested records included) whose stored value is readable (a value of a
     * revision written before sealing, {@code plain:}) is masked by the kind of field it is (names, phones, ID
     * numbers, e-mail) or withheld (free text); ciphertext is replaced by {@value #WITHHELD} too, so the history an
     * auditor reads is the same whether or not a value was sealed when it was written.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> maskPayload(Object payload, Map<String, Object> json) {
        if (payload == null || !payload.getClass().isRecord()) {
            return json;
        }
        Map<String, Object> masked = new LinkedHashMap<>(json);
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            String field = component.getName();
            Object value = read(component, payload);
            Object shown = masked.get(field);
            if (value instanceof Sealed && shown instanceof String text) {
                masked.put(field, maskStored(field, text));
            } else if (value != null && value.getClass().isRecord() && shown instanceof Map<?, ?> inner) {
                masked.put(field, maskPayload(value, (Map<String, Object>) inner));
            } else if (value instanceof List<?> items && shown instanceof List<?> shownItems
                    && items.size() == shownItems.size()) {
                List<Object> list = new ArrayList<>(shownItems.size());
                for (int i = 0; i < items.size(); i++) {
                    Object item = items.get(i);
                    list.add(item != null && item.getClass().isRecord() && shownItems.get(i) instanceof Map<?, ?> m
                            ? maskPayload(item, (Map<String, Object>) m) : shownItems.get(i));
                }
                masked.put(field, list);
            }
        }
        return masked;
    }

    /** A stored sealed value as shown to roles that see no personal data. */
    static String maskStored(String field, String stored) {
        if (!stored.startsWith(PLAIN)) {
            return WITHHELD;
        }
        String plain = stored.substring(PLAIN.length());
        if (NAMES.contains(field)) {
            return Masking.name(plain);
        }
        if (PHONES.contains(field)) {
            return Masking.phone(plain);
        }
        if ("idNumber".equals(field)) {
            return Masking.idNumber(plain);
        }
        if ("email".equals(field)) {
            return Masking.email(plain);
        }
        return WITHHELD;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("payload field cannot be read: " + component.getName(), e);
        }
    }
}
