package com.deskledger.command.shift;

import com.deskledger.kernel.shift.PostCode;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShiftPropertiesTest {

    @Test
    void aValidPostGivesItsChecklistDaysAndTimes() {
        ShiftProperties properties = properties("weekday-late", post("Late", "12:30", "21:30",
                item("parking-vouchers", false), item("air-conditioning-off", true)));
        properties.afterPropertiesSet();

        ShiftProperties.Post late = properties.find(PostCode.of("weekday-late")).orElseThrow();
        assertThat(late.checklistItems()).extracting(i -> i.code() + ":" + i.closing())
                .containsExactly("parking-vouchers:false", "air-conditioning-off:true");
        assertThat(late.startTime()).isEqualTo(LocalTime.of(12, 30));
        assertThat(late.worksOn(DayOfWeek.TUESDAY)).isTrue();
        assertThat(late.worksOn(DayOfWeek.MONDAY)).isFalse();
        assertThat(properties.find(PostCode.of("weekend-a"))).isEmpty();
    }

    @Test
    void aPostWithoutDaysIsWorkedEveryDay() {
        ShiftProperties.Post post = post("Any", null, null);
        post.setDays(EnumSet.noneOf(DayOfWeek.class));
        assertThat(EnumSet.allOf(DayOfWeek.class)).allMatch(post::worksOn);
    }

    @Test
    void refusesAnItemTwiceInOneChecklist() {
        ShiftProperties properties = properties("late", post("Late", null, null, item("tea", false),
                item("tea", true)));
        assertThatThrownBy(properties::afterPropertiesSet).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tea appears twice");
    }

    @Test
    void refusesAStartWithoutAnEndAndAMalformedTime() {
        assertThatThrownBy(properties("late", post("Late", "12:30", null))::afterPropertiesSet)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("both start and end");
        assertThatThrownBy(properties("late", post("Late", "half past twelve", "21:30"))::afterPropertiesSet)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("times like 09:00");
    }

    @Test
    void refusesABadPostCodeAnUnnamedPostAndABadItemCode() {
        assertThatThrownBy(properties("Late Post", post("Late", null, null))::afterPropertiesSet)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("deskledger.shifts.posts.Late Post");
        assertThatThrownBy(properties("late", post(" ", null, null))::afterPropertiesSet)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("name is required");
        assertThatThrownBy(properties("late", post("Late", null, null, item("Air Con", true)))::afterPropertiesSet)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("checklist");
    }

    private static ShiftProperties properties(String code, ShiftProperties.Post post) {
        ShiftProperties properties = new ShiftProperties();
        properties.setPosts(Map.of(code, post));
        return properties;
    }

    private static ShiftProperties.Post post(String name, String start, String end, ShiftProperties.Item... items) {
        ShiftProperties.Post post = new ShiftProperties.Post();
        post.setName(name);
        post.setDays(EnumSet.range(DayOfWeek.TUESDAY, DayOfWeek.FRIDAY));
        post.setStart(start);
        post.setEnd(end);
        post.setChecklist(List.of(items));
        return post;
    }

    private static ShiftProperties.Item item(String code, boolean closing) {
        ShiftProperties.Item item = new ShiftProperties.Item();
        item.setCode(code);
        item.setLabel("label of " + code);
        item.setClosing(closing);
        return item;
    }
}
