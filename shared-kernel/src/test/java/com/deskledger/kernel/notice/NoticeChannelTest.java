package com.deskledger.kernel.notice;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which addresses each channel can send to. */
class NoticeChannelTest {

    @Test
    void smsTakesPhoneNumbers() {
        assertThat(NoticeChannel.SMS.accepts("13812345678")).isTrue();
        assertThat(NoticeChannel.SMS.accepts("+86 (138) 1234-5678")).isTrue();
        assertThat(NoticeChannel.SMS.accepts("1234")).isFalse();
        assertThat(NoticeChannel.SMS.accepts("1".repeat(31))).isFalse();
        assertThat(NoticeChannel.SMS.accepts("138abc45678")).isFalse();
        assertThat(NoticeChannel.SMS.accepts(null)).isFalse();
    }

    @Test
    void wechatTakesIds() {
        assertThat(NoticeChannel.WECHAT.accepts("wx_fang-01")).isTrue();
        assertThat(NoticeChannel.WECHAT.accepts("ab")).isFalse();
        assertThat(NoticeChannel.WECHAT.accepts("wx fang")).isFalse();
        assertThat(NoticeChannel.WECHAT.accepts("a".repeat(101))).isFalse();
    }

    @Test
    void emailTakesAddresses() {
        assertThat(NoticeChannel.EMAIL.accepts("fang@example.com")).isTrue();
        assertThat(NoticeChannel.EMAIL.accepts("fang@example")).isFalse();
        assertThat(NoticeChannel.EMAIL.accepts("fang@@example.com")).isFalse();
        assertThat(NoticeChannel.EMAIL.accepts("fang @example.com")).isFalse();
        assertThat(NoticeChannel.EMAIL.accepts("@example.com")).isFalse();
    }
}
