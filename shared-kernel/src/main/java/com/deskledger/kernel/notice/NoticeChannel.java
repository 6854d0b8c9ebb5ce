package com.deskledger.kernel.notice;

import java.util.regex.Pattern;

/** How the guardian wants to be told: the gateway that consumes the notice queue picks its route by this. */
public enum NoticeChannel {
    /** A phone number: digits, spaces, {@code + - ( )}, 5 to 30 characters. */
    SMS(Pattern.compile("[0-9+\\- ()]{5,30}")),
    /** A WeChat id or OpenID: letters, digits, {@code _ -}, 3 to 100 characters. */
    WECHAT(Pattern.compile("[A-Za-z0-9_\\-]{3,100}")),
    /** An e-mail address: one {@code @} with text on both sides and a dot in the domain, no spaces. */
    EMAIL(Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"));

    private final Pattern address;

    NoticeChannel(Pattern address) {
        this.address = address;
    }

    /** Whether the text is an address this channel can send to. */
    public boolean accepts(String text) {
        return text != null && address.matcher(text).matches();
    }
}
