package com.deskledger.kernel.complaint;

/**
 * How the complaint reached the desk: in person, by phone, by letter or e-mail, online, or passed on by a third
 * party such as a government office, a consumer association or the media (manual 001: 政府或媒体部门).
 */
public enum ComplaintChannel {
    WALK_IN, PHONE, LETTER, EMAIL, ONLINE, THIRD_PARTY
}
