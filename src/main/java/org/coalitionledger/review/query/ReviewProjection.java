package org.coalitionledger.review.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.coalitionledger.common.RecordMetadata;
import org.coalitionledger.review.event.FindingGiven;
import org.coalitionledger.review.event.ReviewCompleted;
import org.coalitionledger.review.event.ReviewOpened;
import org.coalitionledger.review.event.Verdict;
import org.coalitionledger.support.RecordTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reviews and their current findings ({@code review_view}, {@code review_finding}): a later finding on the same act
 * replaces the row of the earlier one; a completion stamps the review with its time and the checkpoint's root. Every
 * review event is also a row of the event log ({@code review_log}), which keeps replaced findings too.
 */
@Component
@ProcessingGroup(ReviewProjection.GROUP)
public class ReviewProjection {

    public static final String GROUP = "reviews";

    private final JdbcTemplate jdbc;

    ReviewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ReviewOpened event, @Timestamp Instant at, @MetaDataValue(RecordMetadata.RECORDED_BY) String by,
            TrackingToken token) {
        log(event.recordId(), "OpenReview", event.review(), event.coalition(), null, null,
            "“" + event.title() + "”, acts up to checkpoint " + event.checkpoint()
                    + (event.from() == null && event.to() == null ? ""
                    : ", effective " + (event.from() == null ? "…" : event.from()) + " to "
                    + (event.to() == null ? "…" : event.to())), by, at, token);
        jdbc.update("delete from review_view where review_id = ?", event.review());
        jdbc.update("insert into review_view (review_id, coalition_id, checkpoint, from_day, to_day, title, auditor,"
                            + " opened_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    event.review(), event.coalition(), event.checkpoint(), day(event.from()), day(event.to()),
                    event.title(), event.auditor(), utc(RecordTime.of(at)));
    }

    @EventHandler
    void on(FindingGiven event, @Timestamp Instant at, @MetaDataValue(RecordMetadata.RECORDED_BY) String by,
            TrackingToken token) {
        log(event.recordId(), "GiveFinding", event.review(), coalitionOf(event.review()), event.act(),
            event.verdict(), event.comment(), by, at, token);
        jdbc.update("delete from review_finding where review_id = ? and act_record_id = ?", event.review(),
                    event.act());
        jdbc.update("insert into review_finding (review_id, act_record_id, finding_id, verdict, comment, evidence,"
                            + " reviewer, given_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    event.review(), event.act(), event.recordId(), event.verdict().name(), event.comment(),
                    event.evidence() == null || event.evidence().isEmpty() ? null
                            : String.join(",", event.evidence()),
                    event.reviewer(), utc(RecordTime.of(at)));
    }

    @EventHandler
    void on(ReviewCompleted event, @Timestamp Instant at, @MetaDataValue(RecordMetadata.RECORDED_BY) String by,
            TrackingToken token) {
        log(event.recordId(), "CompleteReview", event.review(), coalitionOf(event.review()), null, null,
            event.findings().size() + " findings, checkpoint " + event.checkpoint() + ", root " + event.rootHash(),
            by, at, token);
        jdbc.update("update review_view set completed_at = ?, root_hash = ? where review_id = ?",
                    utc(RecordTime.of(at)), event.rootHash(), event.review());
    }

    /** One row of the event log per review event (a redelivered event replaces its row). */
    private void log(String recordId, String command, String review, String coalition, String act, Verdict verdict,
                     String detail, String by, Instant at, TrackingToken token) {
        jdbc.update("delete from review_log where record_id = ?", recordId);
        jdbc.update("insert into review_log (record_id, position, command, review_id, coalition_id, act_record_id,"
                            + " verdict, detail, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    recordId, token == null ? 0 : token.position().orElse(0), command, review, coalition, act,
                    verdict == null ? null : verdict.name(), detail, by, utc(RecordTime.of(at)));
    }

    private String coalitionOf(String review) {
        return jdbc.queryForList("select coalition_id from review_view where review_id = ?", String.class, review)
                .stream().findFirst().orElse("");
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from review_log");
        jdbc.update("delete from review_finding");
        jdbc.update("delete from review_view");
    }

    @QueryHandler
    public Optional<ReviewResponse> handle(FetchReviewQuery query) {
        List<ReviewResponse.Finding> findings = jdbc.query(
                "select act_record_id, verdict, comment, evidence, reviewer, given_at, finding_id from review_finding"
                        + " where review_id = ? order by given_at, act_record_id",
                (row, n) -> new ReviewResponse.Finding(row.getString(1), Verdict.valueOf(row.getString(2)),
                                                       row.getString(3), list(row.getString(4)), row.getString(5),
                                                       instant(row, 6), row.getString(7)),
                query.review());
        return jdbc.query("select review_id, coalition_id, checkpoint, from_day, to_day, title, auditor, opened_at,"
                                  + " completed_at, root_hash from review_view where review_id = ?",
                          (row, n) -> new ReviewResponse(row.getString(1), row.getString(2), row.getLong(3),
                                                         text(row.getDate(4)), text(row.getDate(5)), row.getString(6),
                                                         row.getString(7), instant(row, 8), instant(row, 9),
                                                         row.getString(10), findings),
                          query.review()).stream().findFirst();
    }

    @QueryHandler
    public List<ReviewResponse> handle(FindReviewsQuery query) {
        return jdbc.queryForList("select review_id from review_view order by opened_at desc, review_id", String.class)
                .stream().map(review -> handle(new FetchReviewQuery(review)))
                .flatMap(Optional::stream).toList();
    }

    @QueryHandler
    public List<CompletedFinding> handle(FindCompletedFindingsQuery query) {
        return jdbc.query("select f.act_record_id, f.verdict, f.reviewer, f.given_at, v.review_id, v.checkpoint,"
                                  + " v.completed_at from review_finding f join review_view v"
                                  + " on v.review_id = f.review_id where v.coalition_id = ? and v.completed_at <= ?"
                                  + " order by v.completed_at, v.review_id",
                          (row, n) -> new CompletedFinding(row.getString(1), Verdict.valueOf(row.getString(2)),
                                                           row.getString(3), instant(row, 4), row.getString(5),
                                                           row.getLong(6), instant(row, 7)),
                          query.coalition(), utc(query.knownAt()));
    }

    /** The event log's review events, newest first. */
    @QueryHandler
    public List<ReviewLogEntry> handle(FindReviewLogQuery query) {
        StringBuilder sql = new StringBuilder("select record_id, command, review_id, coalition_id, act_record_id,"
                + " verdict, detail, recorded_by, recorded_at, position from review_log where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.coalition() != null) {
            sql.append(" and coalition_id = ?");
            args.add(query.coalition());
        }
        if (query.recordedBy() != null) {
            sql.append(" and recorded_by = ?");
            args.add(query.recordedBy());
        }
        if (query.recordedFrom() != null) {
            sql.append(" and recorded_at >= ?");
            args.add(utc(query.recordedFrom()));
        }
        if (query.recordedUntil() != null) {
            sql.append(" and recorded_at < ?");
            args.add(utc(query.recordedUntil()));
        }
        sql.append(" order by position desc fetch first ").append(Math.max(1, query.limit())).append(" rows only");
        return jdbc.query(sql.toString(),
                          (row, n) -> new ReviewLogEntry(row.getString(1), row.getString(2), row.getString(3),
                                                         row.getString(4), row.getString(5),
                                                         row.getString(6) == null ? null
                                                                 : Verdict.valueOf(row.getString(6)),
                                                         row.getString(7), row.getString(8), instant(row, 9),
                                                         row.getLong(10)),
                          args.toArray());
    }

    private static Date day(String value) {
        return value == null ? null : Date.valueOf(LocalDate.parse(value));
    }

    private static String text(Date day) {
        return day == null ? null : day.toLocalDate().toString();
    }

    private static List<String> list(String joined) {
        return joined == null ? List.of() : List.of(joined.split(","));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
