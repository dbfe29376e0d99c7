package org.coalitionledger.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.stream.BlockingStream;
import org.coalitionledger.agreement.event.AgreementRegistered;
import org.coalitionledger.agreement.event.AgreementAct;
import org.coalitionledger.agreement.event.ConsentExpressed;
import org.coalitionledger.agreement.event.SignatoryAct;
import org.coalitionledger.agreement.event.WithdrawalNotified;
import org.coalitionledger.coalition.event.CoalitionFormed;
import org.coalitionledger.coalition.event.PartyAct;
import org.coalitionledger.common.RecordMetadata;
import org.coalitionledger.support.RecordTime;
import org.coalitionledger.common.RecordedAct;
import org.coalitionledger.correction.event.RecordCorrected;
import org.coalitionledger.correction.event.RecordRetracted;
import org.coalitionledger.review.event.FindingGiven;
import org.coalitionledger.review.event.ReviewCompleted;
import org.coalitionledger.review.event.ReviewOpened;
import org.coalitionledger.security.user.event.UserEvent;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;

/**
 * Writes every recorded act, and every review event, as JSON Lines in the import shape, in recording order, each
 * line with the event's {@code recordId}, {@code recordedAt} and {@code recordedBy}. Importing the export into an
 * empty ledger gives the same answer to every as-of question. Corrections and retractions are lines of their own
 * whose {@code recordId} names the record they change. The last line is the trailer ({@link ExportTrailer}): the
 * number of lines before it and their SHA-256, which an import checks.
 */
@Service
public class ExportService {

    private final EventStore eventStore;
    private final ObjectMapper json = JsonMapper.builder().build();

    ExportService(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * Streams the events recorded up to now, then the trailer ({@link ExportTrailer}) that counts and hashes the
     * lines before it; returns how many lines (acts and review events) were written.
     */
    public long export(OutputStream out) throws IOException {
        MessageDigest digest = ExportTrailer.sha256();
        long lines = exportActs(new DigestOutputStream(out, digest));
        out.write(ExportTrailer.line(lines, digest.digest()));
        out.flush();
        return lines;
    }

    private long exportActs(OutputStream out) throws IOException {
        TrackingToken head = eventStore.createHeadToken();
        long last = head == null ? -1 : head.position().orElse(-1);
        long lines = 0;
        if (last < 0) {
            return 0;
        }
        // the tree positions of the user and token events read so far: not exported, so a review's checkpoint is
        // also given in the export's lines (checkpointLines), which the import counts in
        List<Long> userEvents = new ArrayList<>();
        long position = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> message = stream.nextAvailable();
                if (message.getPayload() instanceof UserEvent) {
                    userEvents.add(position);
                }
                position++;
                ObjectNode line = message.getPayload() instanceof RecordedAct act ? line(act)
                        : reviewLine(message.getPayload(), checkpoint -> checkpoint - userEvents.stream()
                                .filter(at -> at < checkpoint).count());
                if (line != null) {
                    line.put("recordedAt", RecordTime.of(message.getTimestamp()).toString());
                    Object by = message.getMetaData().get(RecordMetadata.RECORDED_BY);
                    line.put("recordedBy", by == null ? null : by.toString());
                    out.write(json.writeValueAsBytes(line));
                    out.write('\n');
                    lines++;
                }
                if (message.trackingToken().position().orElse(Long.MAX_VALUE) >= last) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("export interrupted", e);
        }
        return lines;
    }

    private ObjectNode line(RecordedAct act) {
        ObjectNode line = json.createObjectNode();
        line.put("command", act.kind().command());
        if (act instanceof CoalitionFormed formed) {
            line.put("coalition", formed.coalition());
            line.put("name", formed.name());
            putIfPresent(line, "parentGroup", formed.parentGroup());
            if (formed.focusAreas() != null && !formed.focusAreas().isEmpty()) {
                line.set("focusAreas", json.valueToTree(formed.focusAreas()));
            }
        } else if (act instanceof PartyAct partyAct) {
            line.put("coalition", partyAct.coalition());
            line.put("party", partyAct.party());
        } else if (act instanceof AgreementRegistered registered) {
            line.put("agreement", registered.agreement());
            line.put("coalition", registered.coalition());
            line.put("title", registered.title());
            if (registered.commitmentTerm() != null) {
                line.put("commitmentTerm", registered.commitmentTerm());
            }
            if (registered.commitmentStarts() != null) {
                line.put("commitmentStarts", registered.commitmentStarts().name());
            }
            if (registered.entryIntoForce() != null) {
                line.set("entryIntoForce", json.valueToTree(registered.entryIntoForce()));
            }
            putIfPresent(line, "withdrawalNotice", registered.withdrawalNotice());
        } else if (act instanceof AgreementAct agreementAct) {
            line.put("agreement", agreementAct.agreement());
            if (act instanceof SignatoryAct signatoryAct) {
                line.put("party", signatoryAct.party());
            }
            if (act instanceof ConsentExpressed consent) {
                line.put("means", consent.means().name());
            }
            if (act instanceof WithdrawalNotified notice && notice.takesEffect() != null) {
                line.put("takesEffect", notice.takesEffect().text());
            }
        } else if (act instanceof RecordCorrected corrected) {
            line.put("recordId", corrected.correctedRecordId());
            line.put("effectiveDate", corrected.effectiveDate().text());
            line.put("reason", corrected.reason());
            line.set("source", source(act));
            return line;
        } else if (act instanceof RecordRetracted retracted) {
            line.put("recordId", retracted.retractedRecordId());
            line.put("reason", retracted.reason());
            line.set("source", source(act));
            return line;
        }
        if (act.effectiveDate() != null) {
            line.put("effectiveDate", act.effectiveDate().text());
        }
        line.set("source", source(act));
        putIfPresent(line, "notes", act.notes());
        line.put("recordId", act.recordId());
        return line;
    }

    /**
     * A review event as the line an import takes back (docs/import.md, "Reviews"): an opening with its own record id
     * (the review's id), a finding and a completion naming the review, a finding's {@code recordId} the act it is
     * on. A completion's findings are not repeated: the import completes the review with the findings given before.
     * {@code linesInside} answers how many lines of the export lie inside a checkpoint (those not user events).
     */
    private ObjectNode reviewLine(Object payload, LongUnaryOperator linesInside) {
        ObjectNode line = json.createObjectNode();
        if (payload instanceof ReviewOpened opened) {
            line.put("command", "OpenReview");
            line.put("coalition", opened.coalition());
            line.put("checkpoint", opened.checkpoint());
            line.put("checkpointLines", linesInside.applyAsLong(opened.checkpoint()));
            putIfPresent(line, "from", opened.from());
            putIfPresent(line, "to", opened.to());
            line.put("title", opened.title());
            line.put("auditor", opened.auditor());
            line.put("recordId", opened.recordId());
        } else if (payload instanceof FindingGiven finding) {
            line.put("command", "GiveFinding");
            line.put("review", finding.review());
            line.put("recordId", finding.act());
            line.put("verdict", finding.verdict().name());
            putIfPresent(line, "comment", finding.comment());
            if (finding.evidence() != null && !finding.evidence().isEmpty()) {
                line.set("evidence", json.valueToTree(finding.evidence()));
            }
            line.put("reviewer", finding.reviewer());
        } else if (payload instanceof ReviewCompleted completed) {
            line.put("command", "CompleteReview");
            line.put("review", completed.review());
            line.put("checkpoint", completed.checkpoint());
            line.put("checkpointLines", linesInside.applyAsLong(completed.checkpoint()));
            line.put("rootHash", completed.rootHash());
        } else {
            return null;
        }
        return line;
    }

    private ObjectNode source(RecordedAct act) {
        ObjectNode source = json.createObjectNode();
        putIfPresent(source, "title", act.source().title());
        putIfPresent(source, "url", act.source().url());
        putIfPresent(source, "publisher", act.source().publisher());
        putIfPresent(source, "publishedOn", act.source().publishedOn());
        putIfPresent(source, "quote", act.source().quote());
        if (!act.source().evidenceOrEmpty().isEmpty()) {
            source.set("evidence", json.valueToTree(act.source().evidence()));
        }
        return source;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
