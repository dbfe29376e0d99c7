package org.coalitionledger.admin;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * How far each segment of a projection has got, read from the tokens its processors stored in {@code token_entry}
 * — whichever node processes it, and whether or not a processor has claimed it yet. A token is stored in the
 * transaction of the batch it follows, so a segment at position p has its projection rows up to p committed.
 */
@Component
class TokenPositions {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    TokenPositions(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The global-index position of each segment's token, in segment order; 0 for one that has read nothing yet. */
    List<Long> of(String processor) {
        return jdbc.query("select token, token_type from token_entry where processor_name = ? order by segment",
                          (row, i) -> position(row.getBytes("token"), row.getString("token_type")), processor);
    }

    private long position(byte[] token, String type) {
        if (token == null || type == null) {
            return 0;
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        // a replay token that has not yet read an event has no position
        return tracking == null ? 0 : tracking.position().orElse(0);
    }
}
