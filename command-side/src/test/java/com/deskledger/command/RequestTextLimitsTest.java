package com.deskledger.command;

import com.deskledger.kernel.FreeText;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text field of every command request has a documented maximum length ({@code @Size(max)}, listed in the
 * README's "Text fields"): a new field without one fails here. Free text (line breaks allowed) is marked
 * {@link FreeText} and is at most 4,000 characters; one-line text at most 200.
 */
class RequestTextLimitsTest {

    private static final List<String> REQUESTS = List.of("com.deskledger.command.complaint.ComplaintRequests",
            "com.deskledger.command.member.MemberRequests", "com.deskledger.command.shift.ShiftRequests",
            "com.deskledger.command.visit.VisitRequests", "com.deskledger.command.timetable.TimetableRequests",
            "com.deskledger.command.stock.ProductRequests");

    @Test
    void everyTextFieldHasAMaximumLength() throws Exception {
        Map<String, Integer> limits = new TreeMap<>();
        List<String> unbounded = new ArrayList<>();
        for (String holder : REQUESTS) {
            for (Class<?> request : Class.forName(holder).getDeclaredClasses()) {
                if (!request.isRecord()) {
                    continue;
                }
                for (RecordComponent component : request.getRecordComponents()) {
                    if (component.getType() != String.class) {
                        continue;
                    }
                    String name = request.getSimpleName() + "." + component.getName();
                    // @Size targets no record component: it sits on the accessor (and field and parameter)
                    Size size = component.getAccessor().getAnnotation(Size.class);
                    boolean free = component.getAnnotation(FreeText.class) != null;
                    if (size == null || size.max() > (free ? 4000 : 200)) {
                        unbounded.add(name);
                    } else {
                        limits.put(holder.substring(holder.lastIndexOf('.') + 1) + "." + name, size.max());
                    }
                }
            }
        }
        assertThat(unbounded).as("text fields without a maximum length (or above the ceiling)").isEmpty();
        assertThat(limits).hasSizeGreaterThan(60);
    }
}
