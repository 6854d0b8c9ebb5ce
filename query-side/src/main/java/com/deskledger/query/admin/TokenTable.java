package com.deskledger.query.admin;

import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.OptionalLong;

/**
 * The processors' segments as the token table holds them, shared by every node: which node holds each segment
 * (its claim's owner), where it stands and whether it replays. Read from the table rather than from this node's
 * processors, so every node shows the same picture, including the segments other nodes hold.
 */
@Component
class TokenTable {

    /** One segment's row: owner null when no node holds it. */
    record Row(int segment, String owner, String claimedAt, Long position, boolean replaying, Double progress) {
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    TokenTable(JdbcTemplate jdbc, @Qualifier("serializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    List<Row> segments(String processor) {
        return jdbc.query("""
                select segment, owner, timestamp, token, tokentype from tokenentry
                where processorname = ? order by segment""", (rs, n) -> {
            byte[] data = rs.getBytes("token");
            String type = rs.getString("tokentype");
            TrackingToken token = data == null || type == null ? null : serializer.deserialize(
                    new SimpleSerializedObject<>(data, byte[].class, new SimpleSerializedType(type, null)));
            Long position = null;
            boolean replaying = false;
            Double progress = null;
            if (token != null) {
                OptionalLong at = token.position();
                position = at.isPresent() ? at.getAsLong() : null;
                if (token instanceof ReplayToken replay) {
                    OptionalLong reset = replay.getTokenAtReset() == null ? OptionalLong.empty()
                            : replay.getTokenAtReset().position();
                    long current = at.orElse(-1);
                    // Axon keeps a token marked as replaying until an event newer than the reset point arrives;
                    // for people the replay is over once the segment reached the position the store had at the reset
                    replaying = reset.isPresent() && current < reset.getAsLong();
                    progress = reset.isEmpty() || reset.getAsLong() <= 0 ? 1.0
                            : Math.max(0.0, Math.min(1.0, (double) current / reset.getAsLong()));
                }
            }
            return new Row(rs.getInt("segment"), rs.getString("owner"), rs.getString("timestamp"), position,
                    replaying, progress);
        }, processor);
    }
}
