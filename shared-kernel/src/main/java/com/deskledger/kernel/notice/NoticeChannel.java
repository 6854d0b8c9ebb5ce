package com.deskledger.kernel.notice;

/** How the guardian wants to be told: the gateway that consumes the notice queue picks its route by this. */
public enum NoticeChannel {
    SMS,
    WECHAT,
    EMAIL
}
