package com.deskledger.command.shift;

import com.deskledger.kernel.shift.ChecklistItem;
import com.deskledger.kernel.shift.PostCode;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The posts a shift can be worked on, {@code deskledger.shifts.posts.<code>}: name, the days it is worked (empty:
 * every day), default planned start and end ({@code HH:mm}, centre's time zone; an end not after the start is on
 * the next day) and the checklist, each item with its code, label and whether it is a closing item. The defaults in
 * application.yml are manual 000's daily duty table. Checked at start-up, so a bad post stops the application.
 */
@ConfigurationProperties("deskledger.shifts")
public class ShiftProperties implements InitializingBean {

    private Map<String, Post> posts = new LinkedHashMap<>();

    public Map<String, Post> getPosts() {
        return posts;
    }

    public void setPosts(Map<String, Post> posts) {
        this.posts = posts;
    }

    Optional<Post> find(PostCode code) {
        return Optional.ofNullable(posts.get(code.value()));
    }

    @Override
    public void afterPropertiesSet() {
        posts.forEach((code, post) -> {
            String where = "deskledger.shifts.posts." + code;
            try {
                PostCode.of(code);
            } catch (IllegalArgumentException bad) {
                throw new IllegalStateException(where + ": " + bad.getMessage(), bad);
            }
            if (post.getName() == null || post.getName().isBlank()) {
                throw new IllegalStateException(where + ".name is required");
            }
            if ((post.getStart() == null) != (post.getEnd() == null)) {
                throw new IllegalStateException(where + ": give both start and end, or neither");
            }
            try {
                post.startTime();
                post.endTime();
            } catch (DateTimeParseException bad) {
                throw new IllegalStateException(where + ": start and end are times like 09:00", bad);
            }
            Set<String> seen = new HashSet<>();
            for (Item item : post.getChecklist()) {
                try {
                    item.toChecklistItem();
                } catch (IllegalArgumentException bad) {
                    throw new IllegalStateException(where + ".checklist: " + bad.getMessage(), bad);
                }
                if (!seen.add(item.getCode())) {
                    throw new IllegalStateException(where + ".checklist: item " + item.getCode() + " appears twice");
                }
            }
        });
    }

    /** One post (岗位). */
    public static class Post {

        private String name;
        private Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        private String start;
        private String end;
        private List<Item> checklist = new ArrayList<>();

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Set<DayOfWeek> getDays() {
            return days;
        }

        public void setDays(Set<DayOfWeek> days) {
            this.days = days;
        }

        public String getStart() {
            return start;
        }

        public void setStart(String start) {
            this.start = start;
        }

        public String getEnd() {
            return end;
        }

        public void setEnd(String end) {
            this.end = end;
        }

        public List<Item> getChecklist() {
            return checklist;
        }

        public void setChecklist(List<Item> checklist) {
            this.checklist = checklist;
        }

        boolean worksOn(DayOfWeek day) {
            return days.isEmpty() || days.contains(day);
        }

        LocalTime startTime() {
            return start == null ? null : LocalTime.parse(start);
        }

        LocalTime endTime() {
            return end == null ? null : LocalTime.parse(end);
        }

        List<ChecklistItem> checklistItems() {
            return checklist.stream().map(Item::toChecklistItem).toList();
        }
    }

    /** One checklist item of a post. */
    public static class Item {

        private String code;
        private String label;
        private boolean closing;

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getLabel() {
            return label;
        }

        public void setLabel(String label) {
            this.label = label;
        }

        public boolean isClosing() {
            return closing;
        }

        public void setClosing(boolean closing) {
            this.closing = closing;
        }

        ChecklistItem toChecklistItem() {
            return new ChecklistItem(code, label, closing);
        }
    }
}
