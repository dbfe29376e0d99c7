package org.coalitionledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.coalitionledger.audit.BundleVerifier;
import org.coalitionledger.ui.PageSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole audit review over HTTP: opened up to a checkpoint, findings given (and replaced), refused where the rules
 * say (four eyes, unknown record, missing evidence, a completed review, another auditor's completion), completed
 * with the checkpoint's root; then the coalition's review status, before and after a correction. Reviews and
 * findings are events in the ledger, sealed in the audit tree, never in the coalition's history.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReviewHttpTest extends SharedLedgerHttpTest {

    private static final String FINDING = "{\"recordId\":\"%s\",\"verdict\":\"%s\",\"comment\":%s}";

    @LocalServerPort
    private int port;

    private String coalition;

    /** Imports the example under a coalition of its own (recorded by the admin) and signs a checkpoint. */
    private long importedAndCheckpointed() {
        coalition = uniqueId("rv");
        user = TestUsers.ADMIN;
        Response imported = postLines("/api/import", example(coalition));
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        return checkpoint();
    }

    private long checkpoint() {
        Response made = send(TestUsers.ADMIN, HttpMethod.POST, "/api/audit/checkpoints", "", "application/json");
        assertThat(made.status()).as(made.text()).isEqualTo(201);
        return made.json().get("treeSize").asLong();
    }

    private List<String> acts() {
        List<String> ids = new ArrayList<>();
        get("/api/coalitions/" + coalition + "/history").json().get("entries")
                .forEach(entry -> ids.add(entry.get("recordId").asText()));
        return ids;
    }

    private String open(long checkpoint) {
        user = TestUsers.AUDITOR;
        Response opened = post("/api/reviews", """
                {"coalition":"%s","checkpoint":%d,"title":"Annual review"}""".formatted(coalition, checkpoint));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        assertThat(opened.json().get("auditor").asText()).isEqualTo(TestUsers.AUDITOR.name());
        return opened.json().get("review").asText();
    }

    private Response finding(String review, String act, String verdict, String comment) {
        return post("/api/reviews/" + review + "/findings",
                    FINDING.formatted(act, verdict, comment == null ? "null" : JSON.valueToTree(comment)));
    }

    @Test
    void aWholeReviewFromOpeningToCompletion(@TempDir Path temp) throws Exception {
        long checkpoint = importedAndCheckpointed();
        List<String> acts = acts();
        long historyRows = jdbc.queryForObject("select count(*) from history_entry where coalition_id = ?",
                                               Long.class, coalition);
        String review = open(checkpoint);

        JsonNode fresh = get("/api/reviews/" + review).json();
        assertThat(fresh.get("actsInScope").asInt()).isEqualTo(acts.size());
        assertThat(fresh.get("actsChecked").asInt()).isZero();
        assertThat(fresh.get("unchecked")).hasSize(acts.size());
        assertThat(fresh.get("unchecked").get(0).get("recordedBy").asText()).isEqualTo(TestUsers.ADMIN.name());
        assertThat(fresh.get("unchecked").get(0).get("source").get("title").asText()).isNotEmpty();

        assertThat(finding(review, acts.get(0), "CONFIRMED", null).status()).isEqualTo(201);
        Response noComment = finding(review, acts.get(1), "DISPUTED", null);
        assertThat(noComment.status()).isEqualTo(400);
        assertThat(noComment.json().get("field").asText()).isEqualTo("comment");
        assertThat(finding(review, acts.get(1), "DISPUTED", "the source says March").status()).isEqualTo(201);
        assertThat(finding(review, acts.get(0), "SOURCE_UNAVAILABLE", "the page is gone").status()).isEqualTo(201);
        Response badVerdict = finding(review, acts.get(2), "MAYBE", null);
        assertThat(badVerdict.status()).isEqualTo(400);
        assertThat(badVerdict.json().get("field").asText()).isEqualTo("verdict");

        JsonNode during = get("/api/reviews/" + review).json();
        assertThat(during.get("actsChecked").asInt()).isEqualTo(2);
        assertThat(during.get("unchecked")).hasSize(acts.size() - 2);
        JsonNode first = findingOn(during, acts.get(0));
        assertThat(first.get("verdict").asText()).isEqualTo("SOURCE_UNAVAILABLE");
        assertThat(first.get("comment").asText()).isEqualTo("the page is gone");
        assertThat(first.get("reviewer").asText()).isEqualTo(TestUsers.AUDITOR.name());

        Response byOther = send(TestUsers.ADMIN, HttpMethod.POST, "/api/reviews/" + review + "/completion", "",
                                "application/json");
        assertThat(byOther.status()).isEqualTo(403);
        assertThat(byOther.json().get("detail").asText()).contains("owner");

        Response completed = post("/api/reviews/" + review + "/completion", "");
        assertThat(completed.status()).as(completed.text()).isEqualTo(201);
        assertThat(completed.json().get("checkpoint").asLong()).isEqualTo(checkpoint);
        String root = rootOf(checkpoint);
        assertThat(completed.json().get("rootHash").asText()).isEqualTo(root);
        assertThat(completed.json().get("actsChecked").asInt()).isEqualTo(2);
        assertThat(completed.json().get("verdicts").get("DISPUTED").asInt()).isEqualTo(1);

        Response late = finding(review, acts.get(2), "CONFIRMED", null);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("detail").asText()).contains("read-only");
        assertThat(post("/api/reviews/" + review + "/completion", "").status()).isEqualTo(409);
        JsonNode done = get("/api/reviews/" + review).json();
        assertThat(done.get("completedAt").isNull()).isFalse();
        assertThat(done.get("rootHash").asText()).isEqualTo(root);

        // the review's events are in the ledger and sealed, never in the coalition's history
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                                       Long.class, review)).isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from history_entry where coalition_id = ?", Long.class,
                                       coalition)).isEqualTo(historyRows);
        checkpoint();
        String completion = completed.json().get("recordId").asText();
        Response proof = get("/api/audit/proof/" + completion);
        assertThat(proof.status()).as(proof.text()).isEqualTo(200);

        // the offline verifier passes a bundle that holds review events
        Path zip = temp.resolve("bundle.zip");
        Files.write(zip, getBytes("/api/audit/bundle").getBody());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int verified = BundleVerifier.run(new String[] {zip.toString()}, new PrintStream(new ByteArrayOutputStream()),
                                          new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(verified).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(BundleVerifier.OK);

        // the event log shows each review event with who, when and what; the coalition's page and history do not
        String log = PageSession.of(TestUsers.AUDITOR, port).get("/audit?coalition=" + coalition).body();
        assertThat(log).contains("review opened", "finding given", "review completed", "Annual review",
                                 "DISPUTED: the source says March", "SOURCE_UNAVAILABLE: the page is gone",
                                 "on " + acts.get(1), review, completion, TestUsers.AUDITOR.name());
        assertThat(PageSession.of(TestUsers.AUDITOR, port).get("/audit?coalition=" + coalition
                + "&recordedBy=" + TestUsers.ADMIN.name()).body()).doesNotContain("finding given");
        assertThat(PageSession.of(TestUsers.AUDITOR, port).get("/audit?coalition=" + coalition + "&party=NL")
                           .body()).doesNotContain("review opened");
        String page = PageSession.of(TestUsers.VIEWER, port).get("/coalitions/" + coalition + "?history=all")
                .body();
        assertThat(page).contains("unreviewed").doesNotContain("review opened", "finding given", "review completed",
                                                              "the source says March", completion);
        assertThat(get("/api/coalitions/" + coalition + "/history").text()).doesNotContain(review, completion,
                                                                                          "the page is gone");
    }

    @Test
    void theReviewStatusShowsVerdictsAndWhatChangedSince() {
        long checkpoint = importedAndCheckpointed();
        List<String> acts = acts();
        String review = open(checkpoint);
        assertThat(finding(review, acts.get(1), "CONFIRMED", null).status()).isEqualTo(201);
        assertThat(finding(review, acts.get(2), "DISPUTED", "another day").status()).isEqualTo(201);
        String beforeCompletion = get("/api/reviews/" + review).json().get("openedAt").asText();
        assertThat(post("/api/reviews/" + review + "/completion", "").status()).isEqualTo(201);

        JsonNode status = get("/api/coalitions/" + coalition + "/review-status").json();
        assertThat(status.get("coalition").asText()).isEqualTo(coalition);
        assertThat(status.get("acts")).hasSize(acts.size());
        JsonNode confirmed = statusOf(status, acts.get(1));
        assertThat(confirmed.get("verdict").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("reviewer").asText()).isEqualTo(TestUsers.AUDITOR.name());
        assertThat(confirmed.get("review").asText()).isEqualTo(review);
        assertThat(confirmed.get("changedSinceReview").asBoolean()).isFalse();
        assertThat(statusOf(status, acts.get(2)).get("verdict").asText()).isEqualTo("DISPUTED");
        JsonNode never = statusOf(status, acts.get(3));
        assertThat(never.get("verdict").isNull()).isTrue();
        assertThat(never.get("review").isNull()).isTrue();

        JsonNode before = get("/api/coalitions/" + coalition + "/review-status?knownAt=" + beforeCompletion).json();
        assertThat(statusOf(before, acts.get(1)).get("verdict").isNull()).isTrue();

        user = TestUsers.ADMIN;
        String act = acts.get(2);
        Response retracted = post("/api/records/" + act + "/retraction",
                                  "{\"reason\":\"misreported\",\"source\":" + SOURCE + "}");
        assertThat(retracted.status()).as(retracted.text()).isEqualTo(201);
        JsonNode after = get("/api/coalitions/" + coalition + "/review-status").json();
        assertThat(statusOf(after, act).get("changedSinceReview").asBoolean()).isTrue();
        assertThat(statusOf(after, acts.get(1)).get("changedSinceReview").asBoolean()).isFalse();
        assertThat(get("/api/coalitions/no-such-coalition/review-status").status()).isEqualTo(404);
    }

    @Test
    void refusesWhatTheRulesForbid() {
        long checkpoint = importedAndCheckpointed();
        List<String> acts = acts();
        String review = open(checkpoint);

        Response unknown = finding(review, UUID.randomUUID().toString(), "CONFIRMED", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("field").asText()).isEqualTo("recordId");

        user = TestUsers.ADMIN;
        Response later = post("/api/coalitions/" + coalition + "/members",
                              "{\"party\":\"FR\",\"effectiveDate\":\"2024-06-03\",\"source\":" + SOURCE + "}");
        assertThat(later.status()).isEqualTo(201);
        user = TestUsers.AUDITOR;
        Response beyond = finding(review, later.json().get("recordId").asText(), "CONFIRMED", null);
        assertThat(beyond.status()).as("an act recorded after the checkpoint is not in scope").isEqualTo(404);

        String missing = "{\"recordId\":\"%s\",\"verdict\":\"CONFIRMED\",\"evidence\":[\"%s\"]}"
                .formatted(acts.get(0), "0".repeat(64));
        Response noEvidence = post("/api/reviews/" + review + "/findings", missing);
        assertThat(noEvidence.status()).isEqualTo(400);
        assertThat(noEvidence.json().get("field").asText()).isEqualTo("evidence");

        // four eyes: the admin recorded every act of the import
        String adminReview;
        user = TestUsers.ADMIN;
        Response opened = post("/api/reviews", """
                {"coalition":"%s","checkpoint":%d,"title":"Own review"}""".formatted(coalition, checkpoint));
        assertThat(opened.status()).isEqualTo(201);
        adminReview = opened.json().get("review").asText();
        Response own = finding(adminReview, acts.get(0), "CONFIRMED", null);
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.json().get("detail").asText()).contains("four eyes").contains(TestUsers.ADMIN.name());
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                                       Long.class, adminReview)).isEqualTo(1);

        Response noCheckpoint = post("/api/reviews", """
                {"coalition":"%s","checkpoint":%d,"title":"x"}""".formatted(coalition, checkpoint + 100_000));
        assertThat(noCheckpoint.status()).isEqualTo(404);
        assertThat(noCheckpoint.json().get("field").asText()).isEqualTo("checkpoint");
        Response noCoalition = post("/api/reviews", """
                {"coalition":"no-such-coalition","checkpoint":%d,"title":"x"}""".formatted(checkpoint));
        assertThat(noCoalition.status()).isEqualTo(404);
        Response backwards = post("/api/reviews", """
                {"coalition":"%s","checkpoint":%d,"title":"x","from":"2024-05-01","to":"2024-01-01"}"""
                .formatted(coalition, checkpoint));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("field").asText()).isEqualTo("to");
        assertThat(get("/api/reviews/no-such-review").status()).isEqualTo(404);

        Response asRecorder = send(TestUsers.RECORDER, HttpMethod.POST, "/api/reviews",
                                   "{\"coalition\":\"" + coalition + "\",\"checkpoint\":1,\"title\":\"x\"}",
                                   "application/json");
        assertThat(asRecorder.status()).isEqualTo(403);
    }

    @Test
    void boundsNarrowTheScopeToEffectiveDates() {
        long checkpoint = importedAndCheckpointed();
        user = TestUsers.AUDITOR;
        Response opened = post("/api/reviews", """
                {"coalition":"%s","checkpoint":%d,"title":"Spring","from":"2024-02-01","to":"2024-02-29"}"""
                .formatted(coalition, checkpoint));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        JsonNode detail = get("/api/reviews/" + opened.json().get("review").asText()).json();
        assertThat(detail.get("actsInScope").asInt()).isPositive().isLessThan(acts().size());
        // every act in scope counts from a day in February 2024 (an act "on or before 14 February" from the 14th)
        detail.get("unchecked").forEach(act -> assertThat(act.get("effectiveDate").asText())
                .matches("2024-02.*|\\[\\.\\.2024-02-\\d\\d]|\\[2024-02-\\d\\d\\.\\..*]"));
        assertThat(detail.get("from").asText()).isEqualTo("2024-02-01");
        assertThat(detail.get("to").asText()).isEqualTo("2024-02-29");
    }

    private String rootOf(long treeSize) {
        for (JsonNode checkpoint : get("/api/audit/checkpoints").json().findParents("treeSize")) {
            if (checkpoint.get("treeSize").asLong() == treeSize) {
                return checkpoint.get("rootHash").asText();
            }
        }
        throw new AssertionError("no checkpoint " + treeSize);
    }

    private static JsonNode findingOn(JsonNode review, String act) {
        for (JsonNode finding : review.get("findings")) {
            if (finding.get("recordId").asText().equals(act)) {
                return finding;
            }
        }
        throw new AssertionError("no finding on " + act + " in " + review);
    }

    private static JsonNode statusOf(JsonNode status, String act) {
        for (JsonNode entry : status.get("acts")) {
            if (entry.get("recordId").asText().equals(act)) {
                return entry;
            }
        }
        throw new AssertionError("no status of " + act + " in " + status);
    }
}
