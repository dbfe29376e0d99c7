package org.coalitionledger.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.coalitionledger.common.Checks;
import org.coalitionledger.common.Rejection;
import org.coalitionledger.common.Text;
import org.coalitionledger.evidence.EvidenceStore;
import org.coalitionledger.review.command.CompleteReview;
import org.coalitionledger.review.command.GiveFinding;
import org.coalitionledger.review.command.OpenReview;
import org.coalitionledger.review.event.Verdict;
import org.coalitionledger.security.user.UserAccounts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The review lines of an export ({@code OpenReview}, {@code GiveFinding}, {@code CompleteReview}), read and
 * re-checked by the import (docs/import.md, "Reviews"). A review's checkpoint counts the events of the ledger it was
 * done on, so review lines are imported only into an empty ledger, in the export's recording order: there every line
 * gets the tree position it had. Each line is checked as the review endpoints check a request, against the lines
 * applied before it instead of the history: the act is an act of the file, of the review's coalition (or one of its
 * agreements), sealed inside the checkpoint, within the review's bounds; and the Review aggregate's own rules,
 * four eyes included against the recorder the act had in the exported ledger.
 */
@Component
class ReviewImport {

    static final String OPEN = "OpenReview";
    static final String FIND = "GiveFinding";
    static final String COMPLETE = "CompleteReview";
    private static final Map<String, Set<String>> FIELDS = Map.of(
            OPEN, Set.of("coalition", "checkpoint", "checkpointLines", "from", "to", "title", "auditor"),
            FIND, Set.of("review", "recordId", "verdict", "comment", "evidence", "reviewer"),
            COMPLETE, Set.of("review", "checkpoint", "checkpointLines", "rootHash"));
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    private final JdbcTemplate jdbc;
    private final EvidenceStore evidence;

    ReviewImport(JdbcTemplate jdbc, EvidenceStore evidence) {
        this.jdbc = jdbc;
        this.evidence = evidence;
    }

    static boolean isReview(String command) {
        return FIELDS.containsKey(command);
    }

    /**
     * A review line as read: its command and fields, all checked for shape (rules come when it is applied).
     * {@code checkpointLines} is how many lines of the export lie inside the checkpoint (the checkpoint without the
     * user and token events, which are not exported); a file without it counts them as the checkpoint.
     */
    record Fields(String command, String review, String recordId, String coalition, long checkpoint, String from,
                  String to, String title, String auditor, Verdict verdict, String comment, List<String> evidence,
                  String reviewer, String rootHash, long checkpointLines) {

        /** A finding and a completion name another record (the act, the review), as corrections do. */
        boolean names() {
            return !OPEN.equals(command);
        }
    }

    /** Reads a review line's fields (the command, recordId, recordedAt and recordedBy already taken out). */
    Fields parse(String command, String recordId, ObjectNode object) {
        Set<String> allowed = FIELDS.get(command);
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw Rejection.invalid(name, "unknown field '" + Text.clip(name) + "' in a " + command
                        + " line; it takes " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        return switch (command) {
            case OPEN -> {
                String from = day(object, "from");
                String to = day(object, "to");
                long checkpoint = checkpoint(object, "checkpoint", 0);
                yield new Fields(command, null, recordId, Checks.slug("coalition", text(object, "coalition", true)),
                                 checkpoint, from, to, text(object, "title", true),
                                 text(object, "auditor", true), null, null, null, null, null,
                                 checkpoint(object, "checkpointLines", checkpoint));
            }
            case FIND -> new Fields(command, text(object, "review", true), text(object, "recordId", true), null, 0,
                                    null, null, null, null, verdict(object), text(object, "comment", false),
                                    evidence(object), text(object, "reviewer", true), null, 0);
            default -> {
                String root = text(object, "rootHash", true);
                if (!HEX64.matcher(root).matches()) {
                    throw Rejection.invalid("rootHash", "rootHash must be 64 lowercase hex digits (a SHA-256)");
                }
                long checkpoint = checkpoint(object, "checkpoint", 0);
                yield new Fields(command, text(object, "review", true), null, null, checkpoint, null, null,
                                 null, null, null, null, null, null, root,
                                 checkpoint(object, "checkpointLines", checkpoint));
            }
        };
    }

    /**
     * Refuses review lines unless the ledger holds no event yet but user and token events (the users imported at its
     * first start): their checkpoints count from the file's first line.
     */
    boolean ledgerIsEmpty() {
        return jdbc.queryForList("select global_index from domain_event_entry where type is null or type <> ?"
                                         + " fetch first 1 rows only", Long.class, UserAccounts.AGGREGATE_TYPE)
                .isEmpty();
    }

    /**
     * A new run, for one import: its lines come after the events the ledger holds (only user events when it takes
     * review lines; their global indexes run from 1 without a gap, so the highest is their number).
     */
    Run run() {
        return new Run(jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry",
                                           Long.class));
    }

    /** One import's reviews and what its review lines need to know of the lines applied before them. */
    final class Run {

        private record Act(String coalition, String agreement, String recordedBy, long position, LocalDate start) {
        }

        /** {@code scope}: the tree size of this ledger that holds the acts inside the review's checkpoint. */
        private record Opened(String coalition, long checkpoint, long scope, String from, String to, String auditor) {
        }

        /** The tree position of the import's first line: the ledger's own events (user events) come before. */
        private final long offset;

        private final Map<String, String> coalitionOfAgreement = new HashMap<>();
        private final Set<String> coalitions = new HashSet<>();
        private final Map<String, Act> acts = new HashMap<>();
        private final Map<String, Opened> reviews = new HashMap<>();

        Run(long offset) {
            this.offset = offset;
        }

        /** Notes an act applied as the import's {@code line}-th line (from 0), under its new record id. */
        void act(String recordId, String command, String coalition, String agreement, String recordedBy,
                 long line, LocalDate start) {
            if ("FormCoalition".equals(command)) {
                coalitions.add(coalition);
            }
            if ("RegisterAgreement".equals(command)) {
                coalitionOfAgreement.put(agreement, coalition);
            }
            acts.put(recordId, new Act(coalition, agreement, recordedBy, offset + line, start));
        }

        /** Notes a correction of an act of this file: the act's effective date starts on another day now. */
        void corrected(String recordId, LocalDate start) {
            acts.computeIfPresent(recordId, (id, act) -> new Act(act.coalition(), act.agreement(),
                                                                 act.recordedBy(), act.position(), start));
        }

        /**
         * The command a review line asks for, checked against the lines before it; {@code newIdOf} maps the file's
         * record ids to the new ones, {@code recordId} is the line's own new record id.
         */
        Object command(Fields line, String recordId, Map<String, String> newIdOf) {
            return switch (line.command()) {
                case OPEN -> open(line, recordId);
                case FIND -> find(line, recordId, newIdOf);
                default -> complete(line, recordId, newIdOf);
            };
        }

        private Object open(Fields line, String recordId) {
            if (!coalitions.contains(line.coalition())) {
                throw Rejection.notFound("coalition", "coalition '" + line.coalition() + "' is not formed by an"
                        + " earlier line of this file");
            }
            long scope = offset + line.checkpointLines();
            reviews.put(recordId, new Opened(line.coalition(), line.checkpoint(), scope, line.from(), line.to(),
                                             line.auditor()));
            return new OpenReview(recordId, recordId, line.coalition(), scope, line.from(), line.to(),
                                  line.title(), line.auditor());
        }

        private Object find(Fields line, String recordId, Map<String, String> newIdOf) {
            String review = review(line, newIdOf);
            Opened opened = reviews.get(review);
            String actId = newIdOf.get(line.recordId());
            Act act = actId == null ? null : acts.get(actId);
            if (act == null) {
                throw Rejection.notFound("recordId", "record '" + Text.clip(line.recordId()) + "' is no act of this"
                        + " file recorded before the finding");
            }
            String coalition = act.agreement() == null ? act.coalition()
                    : coalitionOfAgreement.getOrDefault(act.agreement(), act.coalition());
            if (!opened.coalition().equals(coalition) || act.position() >= opened.scope()
                    || !within(act.start(), opened)) {
                throw Rejection.notFound("recordId", "record '" + Text.clip(line.recordId()) + "' is no act in the"
                        + " scope of review " + line.review() + " (coalition " + opened.coalition()
                        + ", checkpoint " + opened.checkpoint() + bounds(opened) + ")");
            }
            evidence.requireStored("evidence", line.evidence());
            return new GiveFinding(review, recordId, actId, line.verdict(), line.comment(), line.evidence(),
                                   line.reviewer(), act.recordedBy());
        }

        private Object complete(Fields line, String recordId, Map<String, String> newIdOf) {
            String review = review(line, newIdOf);
            Opened opened = reviews.get(review);
            if (opened.checkpoint() != line.checkpoint()) {
                throw Rejection.invalid("checkpoint", "review " + line.review() + " covers checkpoint "
                        + opened.checkpoint() + ", not " + line.checkpoint());
            }
            return new CompleteReview(review, recordId, opened.auditor(), line.rootHash());
        }

        private String review(Fields line, Map<String, String> newIdOf) {
            String review = newIdOf.get(line.review());
            if (review == null || !reviews.containsKey(review)) {
                throw Rejection.notFound("review", "review '" + Text.clip(line.review()) + "' is not opened by an"
                        + " earlier line of this file");
            }
            return review;
        }
    }

    private static boolean within(LocalDate start, Run.Opened opened) {
        if (opened.from() == null && opened.to() == null) {
            return true;
        }
        return start != null && (opened.from() == null || !start.isBefore(LocalDate.parse(opened.from())))
                && (opened.to() == null || !start.isAfter(LocalDate.parse(opened.to())));
    }

    private static String bounds(Run.Opened opened) {
        return opened.from() == null && opened.to() == null ? ""
                : ", effective from " + (opened.from() == null ? "…" : opened.from()) + " to "
                + (opened.to() == null ? "…" : opened.to());
    }

    private static String text(ObjectNode object, String field, boolean required) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw Rejection.invalid(field, field + " is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw Rejection.invalid(field, field + " must be a JSON string");
        }
        int max = "comment".equals(field) ? Checks.MAX_NOTES : "title".equals(field) ? Checks.MAX_TITLE
                : "review".equals(field) || "recordId".equals(field) ? Checks.MAX_ID : 255;
        return Checks.text(field, node.asText(), max);
    }

    /** The field's value, a whole number >= 1; {@code otherwise} when absent, if that is not 0. */
    private static long checkpoint(ObjectNode object, String field, long otherwise) {
        JsonNode node = object.get(field);
        if (node == null && otherwise > 0) {
            return otherwise;
        }
        if (node == null || !node.canConvertToExactIntegral() || node.asLong() < 1) {
            throw Rejection.invalid(field, field + " must be " + ("checkpoint".equals(field)
                    ? "the tree size of a checkpoint" : "the number of lines inside the checkpoint")
                    + ", a whole number >= 1");
        }
        return node.asLong();
    }

    private static String day(ObjectNode object, String field) {
        String text = text(object, field, false);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text).toString();
        } catch (DateTimeParseException e) {
            throw Rejection.invalid(field, field + " '" + Text.clip(text) + "' is not a day (YYYY-MM-DD)");
        }
    }

    private static Verdict verdict(ObjectNode object) {
        String text = text(object, "verdict", true);
        return Arrays.stream(Verdict.values()).filter(verdict -> verdict.name().equals(text)).findFirst()
                .orElseThrow(() -> Rejection.invalid("verdict", "verdict '" + Text.clip(text) + "' must be one of "
                        + Arrays.stream(Verdict.values()).map(Enum::name).collect(Collectors.joining(", "))));
    }

    private static List<String> evidence(ObjectNode object) {
        JsonNode node = object.get("evidence");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw Rejection.invalid("evidence", "evidence must be a list of SHA-256 hashes");
        }
        List<String> hashes = new ArrayList<>();
        for (JsonNode hash : node) {
            if (!hash.isTextual()) {
                throw Rejection.invalid("evidence", "evidence must be a list of SHA-256 hashes");
            }
            hashes.add(hash.asText());
        }
        Checks.evidence("evidence", hashes);
        return hashes.isEmpty() ? null : hashes;
    }
}
