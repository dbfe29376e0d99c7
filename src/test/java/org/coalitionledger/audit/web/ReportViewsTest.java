package org.coalitionledger.audit.web;

import org.coalitionledger.audit.AuditReport;
import org.coalitionledger.audit.Verification;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.coalitionledger.common.Source;
import org.coalitionledger.review.ReviewStatusResponse;
import org.coalitionledger.review.event.Verdict;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTML audit report (templates/audit-report.html) shows every line's facts and escapes every recorded value. */
class ReportViewsTest {

    static final String SCRIPT = "<script>alert('x')</script>";
    static final String ESCAPED = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;";

    static ReportViews views() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return new ReportViews(engine);
    }

    /** The rendered page with each run of whitespace (the template's line breaks) as one space. */
    static String html(AuditReport.Report report) {
        return views().html(report).replaceAll("\\s+", " ");
    }

    static AuditReport.Report report(Verification.Problem problem) {
        Verification.Result verification = new Verification.Result(27, 2, 27, null, 4, problem == null ? 4 : 1,
                                                                    problem == null ? 27 : 8, problem);
        AuditReport.Status verified = new AuditReport.Status(3L, 8L, true, "verified: position 3 in checkpoint 8");
        AuditReport.Status pending = new AuditReport.Status(null, null, false, "pending: not sealed yet");
        Instant at = Instant.parse("2024-02-14T10:00:00.123Z");
        List<AuditReport.Line> lines = List.of(
                new AuditReport.Line("r-1", "act", "SignAgreement", null, "a-" + SCRIPT, "NL", "2024-01", "month",
                                     "2023-12", "title: " + SCRIPT,
                                     new Source("T" + SCRIPT, "https://example.org/?a=1&b=2" + SCRIPT,
                                                "P" + SCRIPT, "2024-02-14", "Q" + SCRIPT),
                                     "N" + SCRIPT, "rec" + SCRIPT, at, verified,
                                     new ReviewStatusResponse.ActStatus("r-1", Verdict.DISPUTED, "ines" + SCRIPT, at,
                                                                        "rv-1", true)),
                new AuditReport.Line("r-1c", "correction", "CorrectRecord", "r-1", null, "NL", "2024-02", "month",
                                     "2024-01", null, new Source(null, "https://example.org/u", null, null, null),
                                     "R" + SCRIPT, "ada", at, pending, null),
                new AuditReport.Line("r-2", "act (retracted)", "JoinCoalition", null, null, null, null, null, null,
                                     null, null, null, "ada", at, verified,
                                     new ReviewStatusResponse.ActStatus("r-2", null, null, null, null, false)));
        return new AuditReport.Report("c" + SCRIPT, LocalDate.of(2024, 1, 1), null, at, verification, lines);
    }

    @Test
    void everyRecordedValueIsEscaped() {
        String html = html(report(null));
        assertThat(html).doesNotContain("<script>").contains(
                "<title>Audit report: c" + ESCAPED + "</title>", "<h1>Audit report: c" + ESCAPED + "</h1>",
                "agreement a-" + ESCAPED, "title: " + ESCAPED, "T" + ESCAPED,
                "<code>https://example.org/?a=1&amp;b=2" + ESCAPED + "</code>", "P" + ESCAPED,
                "<q>Q" + ESCAPED + "</q>",
                "N" + ESCAPED, "rec" + ESCAPED, "R" + ESCAPED);
    }

    @Test
    void showsActsCorrectionsRetractionsAndTheirVerification() {
        String html = html(report(null));
        assertThat(html).contains("Effective dates", "from 2024-01-01", "to the end.",
                                  "<strong>ok</strong>, 27 sealed records checked, 4 signed checkpoints verified,",
                                  "2 records pending.", "2024-01 (month)", "<br>recorded as 2023-12",
                                  ", published 2024-02-14", "rec" + ESCAPED + "<br>2024-02-14T10:00:00.123Z",
                                  "<td>verified: position 3 in checkpoint 8</td>",
                                  "<tr class=\"correction\">", "<br>correction of r-1", "<br>was 2024-01",
                                  "<td><code>https://example.org/u</code></td>",
                                  "<td class=\"bad\">pending: not sealed yet</td>",
                                  "JoinCoalition <em>(retracted)</em>")
                .doesNotContain("<a ", "href", "TAMPERED");
    }

    @Test
    void showsEachActsReview() {
        String html = html(report(null));
        assertThat(html).contains("<span class=\"bad\">DISPUTED</span> by ines" + ESCAPED + ",",
                                  "(review rv-1)", "changed since the review", "not reviewed");
    }

    @Test
    void theCsvCarriesTheReviewAndNeutralisesFormulas() throws Exception {
        AuditReport.Report plain = report(null);
        List<AuditReport.Line> lines = new java.util.ArrayList<>(plain.lines());
        AuditReport.Line first = lines.get(0);
        for (String formula : List.of("=HYPERLINK(\"x\")", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx")) {
            lines.add(new AuditReport.Line("r-" + lines.size(), "act", "JoinCoalition", null, null, "NL", "2024-01",
                                           "month", null, null, new Source(formula, null, null, null, null),
                                           formula, "ada", first.recordedAt(), first.status(), first.review()));
        }
        String csv = ReportViews.csv(new AuditReport.Report(plain.coalition(), null, null, plain.madeAt(),
                                                            plain.verification(), lines));
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(records.get(0).get("reviewVerdict")).isEqualTo("DISPUTED");
        assertThat(records.get(0).get("reviewer")).isEqualTo("ines" + SCRIPT);
        assertThat(records.get(0).get("review")).isEqualTo("rv-1");
        assertThat(records.get(0).get("changedSinceReview")).isEqualTo("true");
        assertThat(records.get(1).get("reviewVerdict")).isEmpty();
        for (CSVRecord record : records.subList(3, records.size())) {
            assertThat(record.get("sourceTitle")).startsWith("'");
            assertThat(record.get("notes")).startsWith("'");
            assertThat(record.get("sourceTitle").substring(1)).isIn("=HYPERLINK(\"x\")", "+1", "-1+2", "@SUM(A1)",
                                                                    "\tx", "\rx");
        }
        assertThat(records.get(0).get("effectiveDate")).isEqualTo("2024-01");
    }

    @Test
    void aTamperedLedgerNamesTheFirstProblem() {
        Verification.Problem problem = new Verification.Problem(17, Verification.Kind.MODIFIED, "r-9", "e-9", 24L,
                                                                "payload " + SCRIPT);
        assertThat(html(report(problem)))
                .contains("<span class=\"bad\">TAMPERED</span>:", "modified", "at position", "17",
                          "— ", "payload " + ESCAPED)
                .doesNotContain("<strong>ok</strong>", "<script>");
    }
}
