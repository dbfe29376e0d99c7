package org.coalitionledger.security.user;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.coalitionledger.common.RecordMetadata;
import org.coalitionledger.security.user.event.ApiTokenIssued;
import org.coalitionledger.security.user.event.ApiTokenRevoked;
import org.coalitionledger.security.user.event.OneTimePasswordIssued;
import org.coalitionledger.security.user.event.PasswordChanged;
import org.coalitionledger.security.user.event.UserCreated;
import org.coalitionledger.security.user.event.UserDisabled;
import org.coalitionledger.security.user.event.UserEnabled;
import org.coalitionledger.security.user.event.UserEvent;
import org.coalitionledger.security.user.event.UserRolesChanged;
import org.coalitionledger.support.RecordTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The user and token events as recorded, newest first, for the audit page: read from the event store itself
 * (events of type {@code UserAccount}), so that the list shows exactly what the audit tree seals.
 */
@Component
public class UserEventLog {

    /** One recorded change: its position in the event store, when, by whom, what. */
    public record Entry(long position, Instant recordedAt, String recordedBy, String change, String user,
                        String details) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final JdbcTemplate jdbc;

    UserEventLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest {@code limit} changes. */
    public List<Entry> latest(int limit) {
        return latest(null, limit);
    }

    /**
     * The newest {@code limit} changes recorded by {@code recordedBy} (all when null): {@code ledger} recorded the
     * users imported from the configuration and the initial admin.
     */
    public List<Entry> latest(String recordedBy, int limit) {
        String sql = "select global_index, time_stamp, payload_type, payload, meta_data from domain_event_entry"
                + " where type = ? order by global_index desc";
        if (recordedBy == null) {
            return jdbc.query(sql + " fetch first " + limit + " rows only",
                              (row, i) -> entry(row.getLong(1), row.getString(2), row.getString(3),
                                                row.getBytes(4), row.getBytes(5)), UserAccounts.AGGREGATE_TYPE);
        }
        return jdbc.query(sql, rows -> {
            List<Entry> entries = new ArrayList<>();
            while (entries.size() < limit && rows.next()) {
                Entry entry = entry(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getBytes(4),
                                    rows.getBytes(5));
                if (recordedBy.equals(entry.recordedBy())) {
                    entries.add(entry);
                }
            }
            return entries;
        }, UserAccounts.AGGREGATE_TYPE);
    }

    private static Entry entry(long position, String time, String type, byte[] payload, byte[] metaData) {
        String by = null;
        try {
            JsonNode meta = metaData == null ? null : JSON.readTree(metaData);
            by = meta == null ? null : meta.path(RecordMetadata.RECORDED_BY).asText(null);
            Class<?> kind = Class.forName(type);
            if (!UserEvent.class.isAssignableFrom(kind)) {
                return new Entry(position, Instant.parse(time), by, kind.getSimpleName(), null, null);
            }
            UserEvent event = (UserEvent) JSON.readValue(payload, kind);
            return new Entry(position, Instant.parse(time), by, kind.getSimpleName(), event.user(), details(event));
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            return new Entry(position, null, by, type, null, "unreadable: " + e.getMessage());
        }
    }

    /** What changed, in words; never a password or a hash (no event holds one). */
    static String details(UserEvent event) {
        if (event instanceof UserCreated created) {
            return "roles " + created.roles() + ", from " + created.origin()
                    + (created.oneTimePassword() ? ", with a one-time password" : "");
        }
        if (event instanceof UserRolesChanged changed) {
            return "roles " + changed.before() + " → " + changed.after();
        }
        if (event instanceof UserEnabled) {
            return "enabled";
        }
        if (event instanceof UserDisabled) {
            return "disabled";
        }
        if (event instanceof OneTimePasswordIssued) {
            return "password reset: a one-time password was issued";
        }
        if (event instanceof PasswordChanged) {
            return "password changed by its owner";
        }
        if (event instanceof ApiTokenIssued issued) {
            return "token " + issued.token() + " '" + issued.name() + "', roles " + issued.roles() + ", expires "
                    + shownMoment(issued.expiresAt());
        }
        ApiTokenRevoked revoked = (ApiTokenRevoked) event;
        return "token " + revoked.token() + " revoked";
    }

    /** A stored moment as every page shows moments ({@link RecordTime#shown}); kept as stored if it is not one. */
    private static String shownMoment(String stored) {
        if (stored == null) {
            return "";
        }
        try {
            return RecordTime.shown(Instant.parse(stored));
        } catch (DateTimeParseException e) {
            return stored;
        }
    }
}
