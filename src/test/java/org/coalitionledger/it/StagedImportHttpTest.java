package org.coalitionledger.it;

import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.coalitionledger.coalition.command.FormCoalition;
import org.coalitionledger.coalition.command.JoinCoalition;
import org.coalitionledger.common.RecordMetadata;
import org.coalitionledger.common.Source;
import org.coalitionledger.recording.Recorder;
import org.coalitionledger.recording.Staging;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bulk import's private ledger: lines checked on aggregates of its own, events spooled to a file and written in
 * one transaction at the end; the file gone either way; a line naming a record of an earlier line; an exported
 * record id given twice; and a conflict with another writer met as the import is written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StagedImportHttpTest extends SharedLedgerHttpTest {

    @Autowired
    Staging staging;

    @Autowired
    Recorder recorder;

    @Value("${ledger.import.spool-dir:${ledger.data-dir}/import}")
    Path spoolDirectory;

    private static final Source TITLE = new Source("t", null, null, null, null);

    @Test
    void noSpoolFileOutlivesItsImport() throws IOException {
        String coalition = uniqueId("spooled");
        assertThat(postLines("/api/import?dryRun=true", example(coalition)).status()).isEqualTo(200);
        assertThat(spoolFiles()).isEmpty();
        String refused = example(coalition).replace("\"party\": \"IS\"", "\"party\": \"ISL\"");
        assertThat(postLines("/api/import", refused).status()).isEqualTo(422);
        assertThat(spoolFiles()).isEmpty();
        Response written = postLines("/api/import", example(coalition));
        assertThat(written.status()).as(written.text()).isEqualTo(201);
        assertThat(spoolFiles()).isEmpty();
        assertThat(Files.isDirectory(spoolDirectory)).isTrue();
    }

    /** A CSV import refused before its rows are applied (a header naming an unknown column) leaves no file either. */
    @Test
    void noSpoolFileOutlivesARefusedCsvImport() throws IOException {
        Response refused = send(user, HttpMethod.POST, "/api/import", "command,coalition,colour\nFormCoalition,x,red\n",
                                "text/csv");
        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.text()).contains("colour");
        assertThat(spoolFiles()).isEmpty();
    }

    /**
     * A CSV row within the row limit whose JSON is longer (every backslash doubles) is checked like any other line:
     * its fault is named on its line, with the other bad lines, rather than ending the import.
     */
    @Test
    void aCsvRowWhoseJsonIsLongerThanALineIsNamedOnItsLine() {
        String coalition = uniqueId("long-row");
        String notes = "\\".repeat(40_000);
        String csv = "command,coalition,name,effectiveDate,notes,source.title\n"
                + "FormCoalition," + coalition + ",Long,2019," + notes + ",t\n"
                + "JoinCoalition," + coalition + ",,June,,t\n";
        Response response = send(user, HttpMethod.POST, "/api/import", csv, "text/csv");
        assertThat(response.status()).as(response.text()).isEqualTo(422);
        assertThat(response.json().get("errors")).extracting(e -> e.get("line").asInt()).contains(2, 3);
        assertThat(response.json().get("errors")).filteredOn(e -> e.get("line").asInt() == 2)
                .extracting(e -> e.get("field").asText()).containsExactly("notes");
        assertThat(eventCount(coalition)).isZero();
    }

    @Test
    void aCorrectionMayNameTheRecordIdOfAnEarlierLine() {
        String coalition = uniqueId("named");
        String lines = String.join("\n",
                "{\"command\":\"FormCoalition\",\"coalition\":\"" + coalition + "\",\"name\":\"N\","
                        + "\"effectiveDate\":\"2019\",\"recordId\":\"" + coalition + "-form\","
                        + "\"source\":" + SOURCE + "}",
                "{\"command\":\"JoinCoalition\",\"coalition\":\"" + coalition + "\",\"party\":\"NL\","
                        + "\"effectiveDate\":\"2020\",\"recordId\":\"" + coalition + "-join\","
                        + "\"source\":" + SOURCE + "}",
                "{\"command\":\"CorrectRecord\",\"recordId\":\"" + coalition + "-join\",\"effectiveDate\":\"2021\","
                        + "\"reason\":\"the treaty says 2021\",\"source\":" + SOURCE + "}");
        Response response = postLines("/api/import", lines);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        assertThat(response.json().at("/byCommand/CorrectRecord").asLong()).isEqualTo(1);
        assertThat(get("/api/coalitions/" + coalition + "/members?asOf=2020-06-01").text()).doesNotContain("NL");
        assertThat(get("/api/coalitions/" + coalition + "/members?asOf=2021-06-01").text()).contains("NL");
    }

    @Test
    void anExportedRecordIdGivenByTwoLinesIsNamedOnTheSecond() {
        String coalition = uniqueId("twice");
        String lines = String.join("\n",
                "{\"command\":\"FormCoalition\",\"coalition\":\"" + coalition + "\",\"name\":\"T\","
                        + "\"effectiveDate\":\"2019\",\"recordId\":\"same-" + coalition + "\","
                        + "\"source\":" + SOURCE + "}",
                "{\"command\":\"JoinCoalition\",\"coalition\":\"" + coalition + "\",\"party\":\"NL\","
                        + "\"effectiveDate\":\"2020\",\"recordId\":\"same-" + coalition + "\","
                        + "\"source\":" + SOURCE + "}");
        Response response = postLines("/api/import", lines);
        assertThat(response.status()).as(response.text()).isEqualTo(422);
        assertThat(response.json().get("errors")).hasSize(1);
        assertThat(response.json().at("/errors/0/line").asInt()).isEqualTo(2);
        assertThat(response.json().at("/errors/0/field").asText()).isEqualTo("recordId");
        assertThat(response.json().at("/errors/0/message").asText()).contains("another line");
        assertThat(eventCount(coalition)).isZero();
    }

    /**
     * Another writer records an act on a coalition the import has checked an act on (here on the import's own
     * thread, which already holds that coalition's lock; another node holds none of this node's locks): the import
     * is refused as a whole when it is written, and nothing of it is stored, its other coalition included.
     */
    @Test
    void anImportWhoseCoalitionWasWrittenMeanwhileIsRefusedWhole() {
        String shared = uniqueId("meanwhile");
        String own = uniqueId("meanwhile-own");
        MetaData metaData = MetaData.with(RecordMetadata.RECORDED_BY, "admin").and(RecordMetadata.CHANNEL, "import");
        recorder.dispatch(new FormCoalition(shared, "Shared", null, List.of(), "2019", TITLE, null, id()), metaData);
        long sharedBefore = eventCount(shared);
        try (Staging.Session session = staging.open(false)) {
            recorder.stage(new FormCoalition(own, "Own", null, List.of(), "2019", TITLE, null, id()), metaData,
                           session, false);
            recorder.stage(new JoinCoalition(shared, "NL", "2020", TITLE, null, id()), metaData, session, false);
            assertThat(session.events()).isEqualTo(2);

            recorder.dispatch(new JoinCoalition(shared, "FR", "2020", TITLE, null, id()), metaData);

            assertThatThrownBy(() -> session.write(lines -> {
            })).isInstanceOf(ConcurrencyException.class).hasMessageContaining("nothing was written");
        }
        assertThat(eventCount(own)).isZero();
        assertThat(eventCount(shared)).isEqualTo(sharedBefore + 1);
        assertThat(jdbc.queryForObject("select count(*) from record_index where aggregate_id = ?", Long.class, own))
                .isZero();
    }

    @Test
    void aDryRunSessionWritesNothing() {
        try (Staging.Session session = staging.open(true)) {
            recorder.stage(new FormCoalition(uniqueId("dry"), "Dry", null, List.of(), "2019", TITLE, null, id()),
                           MetaData.with(RecordMetadata.RECORDED_BY, "admin"), session, false);
            assertThat(session.events()).isZero();
            assertThatThrownBy(() -> session.write(lines -> {
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("dry run");
        }
    }

    private List<Path> spoolFiles() throws IOException {
        if (!Files.isDirectory(spoolDirectory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(spoolDirectory)) {
            return files.toList();
        }
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
