package org.coalitionledger.coalition.query;

import org.coalitionledger.common.PartialDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The list of coalitions in one SQL statement, however many there are: a page of the formation rows held at
 * {@code knownAt}, cut before it is joined with {@code coalition_view}, the total counted over the same rows, each
 * coalition's member count by a correlated count and its leads by a join, all on the intervals holding on
 * {@code asOf}. It answers as {@link MembersOnDay} does: a member is a party with a MEMBER interval holding that day
 * and no SUSPENDED one, a lead such a member that also holds a LEAD interval.
 */
final class CoalitionList {

    /** An interval of {@code coalition_view c} ... holding on asOf as known at knownAt (4 parameters). */
    private static final String HOLDS = " and %1$s.start_date <= ? and (%1$s.end_date is null or %1$s.end_date > ?)"
            + " and %1$s.known_from <= ? and %1$s.known_until > ?";

    /** ... and the party of {@code %1$s} is not suspended on asOf as known at knownAt (4 parameters). */
    private static final String NOT_SUSPENDED = " and not exists (select 1 from membership_interval s"
            + " where s.coalition_id = %1$s.coalition_id and s.party = %1$s.party and s.role = 'SUSPENDED'"
            + HOLDS.formatted("s") + ")";

    /**
     * The formation rows held at knownAt of coalitions known at knownAt and formed by asOf (4 parameters): one per
     * coalition, since a coalition's rows follow each other on the record clock.
     */
    private static final String FORMED = "from coalition_formation f where f.known_from <= ? and f.known_until > ?"
            + " and f.coalition_known_from <= ? and f.formed_start <= ?";

    /**
     * The page is cut from coalition_formation alone, in coalition id order along ix_coalition_formation, before
     * anything is joined; the total counts the same rows apart (a scan of one narrow table); only the page's
     * coalitions are then joined with coalition_view and their intervals.
     */
    private static final String SQL = "with page as (select f.coalition_id as id, f.formed_on " + FORMED
            + " order by f.coalition_id limit ? offset ?),"
            + " counted as (select count(*) as total " + FORMED + ")"
            + " select p.id, c.name, c.parent_group, c.focus_areas, p.formed_on, t.total,"
            + " (select count(distinct m.party) from membership_interval m where m.coalition_id = p.id"
            + " and m.role = 'MEMBER'" + HOLDS.formatted("m") + NOT_SUSPENDED.formatted("m") + ") as member_count,"
            + " l.party as lead"
            + " from page p join coalition_view c on c.id = p.id cross join counted t"
            + " left join membership_interval l on l.coalition_id = p.id and l.role = 'LEAD'"
            + HOLDS.formatted("l")
            + " and exists (select 1 from membership_interval n where n.coalition_id = p.id and n.party = l.party"
            + " and n.role = 'MEMBER'" + HOLDS.formatted("n") + ")" + NOT_SUSPENDED.formatted("l")
            + " order by p.id, l.party";

    private static final String COUNT = "select count(*) " + FORMED;

    private final JdbcTemplate jdbc;

    CoalitionList(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Page {@code page} (from 1) of {@code size} coalitions. */
    CoalitionPage page(LocalDate asOf, Instant knownAt, int page, int size) {
        long offset = (long) (page - 1) * size;
        Map<String, Row> rows = new LinkedHashMap<>();
        long[] total = {-1};
        OffsetDateTime known = knownAt.atOffset(ZoneOffset.UTC);
        // the page's formation rows, then the same rows counted
        List<Object> args = new ArrayList<>(List.of(known, known, known, asOf, size, offset));
        args.addAll(List.of(known, known, known, asOf));
        // the intervals holding: members, their suspensions; leads, their memberships, their suspensions
        for (int i = 0; i < 5; i++) {
            args.addAll(List.of(asOf, asOf, known, known));
        }
        jdbc.query(SQL, (RowCallbackHandler) rs -> {
            total[0] = rs.getLong("total");
            rows.computeIfAbsent(rs.getString("id"), id -> row(rs)).addLead(rs.getString("lead"));
        }, args.toArray());
        if (total[0] < 0) {
            // no row on this page: past the end, or no coalition at all; count them apart
            total[0] = jdbc.queryForObject(COUNT, Long.class, known, known, known, asOf);
        }
        return new CoalitionPage(rows.values().stream().map(Row::summary).toList(), page, size, total[0]);
    }

    private static Row row(ResultSet rs) {
        try {
            String areas = rs.getString("focus_areas");
            return new Row(rs.getString("id"), rs.getString("name"), rs.getString("parent_group"),
                           areas == null || areas.isEmpty() ? List.of() : Arrays.asList(areas.split("\n")),
                           PartialDate.parse(rs.getString("formed_on")), rs.getInt("member_count"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Row(String id, String name, String parentGroup, List<String> focusAreas, PartialDate formedOn,
                       int memberCount, Set<String> leads) {

        Row(String id, String name, String parentGroup, List<String> focusAreas, PartialDate formedOn,
            int memberCount) {
            this(id, name, parentGroup, focusAreas, formedOn, memberCount, new LinkedHashSet<>());
        }

        void addLead(String lead) {
            if (lead != null) {
                leads.add(lead);
            }
        }

        CoalitionSummary summary() {
            return new CoalitionSummary(id, name, parentGroup, focusAreas, formedOn.text(), formedOn.precision(),
                                        memberCount, List.copyOf(leads));
        }
    }
}
