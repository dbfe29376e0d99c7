package org.coalitionledger.coalition.query;

import org.coalitionledger.coalition.query.MembershipFold.Act;
import org.coalitionledger.coalition.query.MembershipFold.Interval;
import org.coalitionledger.coalition.query.MembershipFold.Kind;
import org.coalitionledger.common.PartialDate;
import org.coalitionledger.support.RecordTime;
import org.springframework.jdbc.core.JdbcTemplate;

import static java.sql.Types.BIGINT;
import static java.sql.Types.DATE;
import static java.sql.Types.TIMESTAMP_WITH_TIMEZONE;
import static java.sql.Types.VARCHAR;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The membership projection's changes for one batch of events, kept in memory and written at the batch's end with
 * JDBC batches. The first event of a batch that touches a party of a coalition loads that party's acts (one query);
 * from then on the party's acts and present intervals live here, and every later act of the batch is folded in
 * memory. The present rows in the table are the fold of the stored acts (every change writes exactly that fold), so
 * they need not be read: a row that stops holding is closed by its key (coalition, party, role, start record), which
 * is unique among rows that are still open.
 * <p>
 * Rows are written in this order: acts deleted, moved and added; open rows closed; new rows added (a row both
 * opened and closed within the batch is written once, closed).
 */
final class MembershipWrites {

    private static final String LOAD_ACTS = "select record_id, kind, effective_date, act_order from membership_act"
            + " where coalition_id = ? and party = ?";
    private static final String INSERT_ACT = "insert into membership_act"
            + " (record_id, coalition_id, party, kind, effective_date, act_order) values (?, ?, ?, ?, ?, ?)";
    private static final String MOVE_ACT = "update membership_act set effective_date = ? where record_id = ?";
    private static final String DELETE_ACT = "delete from membership_act where record_id = ?";
    private static final String CLOSE_INTERVAL = "update membership_interval set known_until = ?"
            + " where coalition_id = ? and party = ? and known_until = ? and role = ? and start_record_id = ?";
    private static final String INSERT_INTERVAL = "insert into membership_interval (coalition_id, party, role,"
            + " start_date, start_text, start_record_id, end_date, end_text, end_record_id, known_from, known_until)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final Carried carried;
    private final Map<Key, Party> parties = new LinkedHashMap<>();

    /**
     * @param carried parties as the previous batches left them, to start from instead of loading them; null to
     *                load every party afresh
     */
    MembershipWrites(JdbcTemplate jdbc, Carried carried) {
        this.jdbc = jdbc;
        this.carried = carried;
    }

    private record Key(String coalition, String party) {
    }

    /**
     * Parties as committed batches left them, the most recently used first, at most {@code capacity}: while the
     * projection is rebuilt, its processor is the only writer of its tables, so what it wrote last is what the
     * tables hold, and the next batch need not read a party again. Emptied when a batch fails.
     */
    static final class Carried {

        private final Map<Key, Party> parties;

        Carried(int capacity) {
            parties = new LinkedHashMap<>(1_024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, Party> eldest) {
                    return size() > capacity;
                }
            };
        }

        synchronized Party take(Key key) {
            return parties.remove(key);
        }

        synchronized void keep(Key key, Party party) {
            parties.put(key, party);
        }

        synchronized void clear() {
            parties.clear();
        }

        synchronized int size() {
            return parties.size();
        }
    }

    /** An act as stored, and what this batch did to it. */
    private static final class ActState {
        Act act;
        final boolean stored;
        boolean moved;
        boolean deleted;

        ActState(Act act, boolean stored) {
            this.act = act;
            this.stored = stored;
        }
    }

    /** An interval of the present view; {@code added} is set when this batch opened it (null: it is in the table). */
    private static final class Held {
        final Interval interval;
        final NewRow added;

        Held(Interval interval, NewRow added) {
            this.interval = interval;
            this.added = added;
        }
    }

    private static final class NewRow {
        final Interval interval;
        final Instant knownFrom;
        Instant knownUntil = RecordTime.OPEN;

        NewRow(Interval interval, Instant knownFrom) {
            this.interval = interval;
            this.knownFrom = knownFrom;
        }
    }

    private record Closed(Interval interval, Instant at) {
    }

    /** One party of one coalition: its acts, present intervals and pending rows. */
    private static final class Party {
        final Map<String, ActState> acts = new LinkedHashMap<>();
        final List<Held> held = new ArrayList<>();
        final List<Closed> closed = new ArrayList<>();
        final List<NewRow> added = new ArrayList<>();

        /** This party as the tables hold it once its pending rows are written. */
        Party written() {
            Party state = new Party();
            acts.forEach((recordId, act) -> {
                if (!act.deleted) {
                    state.acts.put(recordId, new ActState(act.act, true));
                }
            });
            held.forEach(interval -> state.held.add(new Held(interval.interval, null)));
            return state;
        }
    }

    /** Adds an act of {@code party} recorded at {@code recordedAt} and moves the view to the new fold. */
    void record(String coalition, String party, Kind kind, PartialDate date, String recordId, long order,
                Instant recordedAt) {
        Party state = party(coalition, party);
        state.acts.put(recordId, new ActState(new Act(kind, date, recordId, order), false));
        refold(state, recordedAt);
    }

    /** Moves an act of {@code party} to another date; an act this projection does not hold is left alone. */
    void move(String coalition, String party, String recordId, PartialDate date, Instant recordedAt) {
        Party state = party(coalition, party);
        ActState act = state.acts.get(recordId);
        if (act != null && !act.deleted) {
            act.act = new Act(act.act.kind(), date, act.act.recordId(), act.act.order());
            act.moved = true;
        }
        refold(state, recordedAt);
    }

    /** Takes an act of {@code party} out of the fold. */
    void retract(String coalition, String party, String recordId, Instant recordedAt) {
        Party state = party(coalition, party);
        ActState act = state.acts.get(recordId);
        if (act != null) {
            act.deleted = true;
        }
        refold(state, recordedAt);
    }

    private Party party(String coalition, String party) {
        return parties.computeIfAbsent(new Key(coalition, party), key -> {
            Party kept = carried == null ? null : carried.take(key);
            return kept != null ? kept : load(key.coalition(), key.party());
        });
    }

    private Party load(String coalition, String party) {
        Party state = new Party();
        jdbc.query(LOAD_ACTS, row -> {
            String recordId = row.getString(1);
            state.acts.put(recordId, new ActState(new Act(Kind.valueOf(row.getString(2)),
                                                          PartialDate.parse(row.getString(3)), recordId,
                                                          row.getLong(4)), true));
        }, coalition, party);
        for (Interval interval : MembershipFold.fold(live(state))) {
            state.held.add(new Held(interval, null));
        }
        return state;
    }

    private static List<Act> live(Party state) {
        List<Act> acts = new ArrayList<>(state.acts.size());
        for (ActState act : state.acts.values()) {
            if (!act.deleted) {
                acts.add(act.act);
            }
        }
        return acts;
    }

    /** Closes the present intervals the new fold no longer has, at {@code at}, and opens the ones it adds. */
    private static void refold(Party state, Instant at) {
        Set<Interval> wanted = new HashSet<>(MembershipFold.fold(live(state)));
        for (Iterator<Held> it = state.held.iterator(); it.hasNext(); ) {
            Held held = it.next();
            if (!wanted.remove(held.interval)) {
                it.remove();
                if (held.added == null) {
                    state.closed.add(new Closed(held.interval, at));
                } else {
                    held.added.knownUntil = at;
                }
            }
        }
        for (Interval interval : wanted) {
            NewRow row = new NewRow(interval, at);
            state.added.add(row);
            state.held.add(new Held(interval, row));
        }
    }

    /** True when nothing is waiting to be written. */
    boolean isEmpty() {
        return parties.isEmpty();
    }

    /** Writes everything this batch changed and forgets it. */
    void flush() {
        List<Object[]> deleted = new ArrayList<>();
        List<Object[]> moved = new ArrayList<>();
        List<Object[]> inserted = new ArrayList<>();
        List<Object[]> closed = new ArrayList<>();
        List<Object[]> opened = new ArrayList<>();
        parties.forEach((key, state) -> {
            for (ActState act : state.acts.values()) {
                if (act.stored && act.deleted) {
                    deleted.add(new Object[]{act.act.recordId()});
                } else if (act.stored && act.moved) {
                    moved.add(new Object[]{act.act.date().text(), act.act.recordId()});
                } else if (!act.stored && !act.deleted) {
                    inserted.add(new Object[]{act.act.recordId(), key.coalition(), key.party(),
                            act.act.kind().name(), act.act.date().text(), act.act.order()});
                }
            }
            for (Closed row : state.closed) {
                closed.add(new Object[]{timestamp(row.at()), key.coalition(), key.party(),
                        timestamp(RecordTime.OPEN), row.interval().role().name(), row.interval().startRecordId()});
            }
            for (NewRow row : state.added) {
                Interval interval = row.interval;
                PartialDate end = interval.end();
                opened.add(new Object[]{key.coalition(), key.party(), interval.role().name(),
                        interval.start().start(), interval.start().text(), interval.startRecordId(),
                        end == null ? null : end.start(), end == null ? null : end.text(), interval.endRecordId(),
                        timestamp(row.knownFrom), timestamp(row.knownUntil)});
            }
        });
        if (carried != null) {
            parties.forEach((key, state) -> carried.keep(key, state.written()));
        }
        parties.clear();
        batch(DELETE_ACT, deleted, new int[]{VARCHAR}, false);
        batch(MOVE_ACT, moved, new int[]{VARCHAR, VARCHAR}, false);
        batch(INSERT_ACT, inserted, new int[]{VARCHAR, VARCHAR, VARCHAR, VARCHAR, VARCHAR, BIGINT}, false);
        batch(CLOSE_INTERVAL, closed, new int[]{TIMESTAMP_WITH_TIMEZONE, VARCHAR, VARCHAR, TIMESTAMP_WITH_TIMEZONE,
                VARCHAR, VARCHAR}, true);
        batch(INSERT_INTERVAL, opened, new int[]{VARCHAR, VARCHAR, VARCHAR, DATE, VARCHAR, VARCHAR, DATE, VARCHAR,
                VARCHAR, TIMESTAMP_WITH_TIMEZONE, TIMESTAMP_WITH_TIMEZONE}, false);
    }

    private void batch(String sql, List<Object[]> rows, int[] types, boolean exactlyOne) {
        if (rows.isEmpty()) {
            return;
        }
        int[] counts = jdbc.batchUpdate(sql, rows, types);
        if (exactlyOne) {
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] >= 0 && counts[i] != 1) {
                    Object[] row = rows.get(i);
                    throw new IllegalStateException("the membership projection is out of step with its acts: "
                            + counts[i] + " open " + row[4] + " rows of " + row[2] + " in coalition " + row[1]
                            + " start with record " + row[5] + "; rebuild the projection (POST /api/admin/rebuild)");
                }
            }
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
