package com.deskledger.kernel.report.query;

/** How many visits or calls came in through one channel. */
public record ChannelCount(String channel, long count) {
}
