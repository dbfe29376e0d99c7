package org.coalitionledger.audit.web;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.coalitionledger.audit.AuditReport;
import org.coalitionledger.audit.Verification;
import org.coalitionledger.common.Source;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** The audit report as printable HTML (every value HTML-escaped) and as CSV (commons-csv). */
final class ReportViews {

    private static final String[] COLUMNS = {"recordId", "kind", "action", "correctsRecordId", "agreement", "party",
            "effectiveDate", "precision", "recordedDate", "details", "sourceTitle", "sourceUrl", "sourcePublisher",
            "sourcePublishedOn", "sourceQuote", "notes", "recordedBy", "recordedAt", "treePosition", "checkpoint",
            "verification"};

    private ReportViews() {
    }

    static String csv(AuditReport.Report report) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(COLUMNS).get())) {
            for (AuditReport.Line line : report.lines()) {
                Source source = line.source() == null ? new Source(null, null, null, null, null) : line.source();
                csv.printRecord(line.recordId(), line.kind(), line.action(), line.correctsRecordId(),
                                line.agreement(), line.party(), line.effectiveDate(), line.precision(),
                                line.recordedDate(), line.details(), source.title(), source.url(),
                                source.publisher(), source.publishedOn(), source.quote(), line.notes(),
                                line.recordedBy(), line.recordedAt(), line.status().position(),
                                line.status().checkpoint(), line.status().text());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String html(AuditReport.Report report) {
        StringBuilder html = new StringBuilder(4096);
        Verification.Result verification = report.verification();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Audit report: ").append(e(report.coalition())).append("</title>")
                .append("<style>body{font:11pt sans-serif;margin:2em}table{border-collapse:collapse;width:100%}")
                .append("th,td{border:1px solid #999;padding:3px 5px;vertical-align:top;text-align:left}")
                .append("tr.correction td{background:#f4f4f4}.bad{color:#a00;font-weight:bold}")
                .append("@media print{body{margin:0;font-size:9pt}}</style></head><body>\n")
                .append("<h1>Audit report: ").append(e(report.coalition())).append("</h1>\n<p>Made ")
                .append(e(String.valueOf(report.madeAt()))).append(". Effective dates ")
                .append(report.from() == null ? "from the start" : "from " + e(report.from().toString()))
                .append(report.to() == null ? " to the end" : " to " + e(report.to().toString()))
                .append(".</p>\n<p>Verification of the whole ledger: ");
        if (verification.ok()) {
            html.append("<strong>ok</strong>, ").append(verification.checkedRecords())
                    .append(" sealed records checked, ").append(verification.verifiedCheckpoints())
                    .append(" signed checkpoints verified, ").append(verification.pending())
                    .append(" records pending.");
        } else {
            Verification.Problem problem = verification.firstProblem();
            html.append("<span class=\"bad\">TAMPERED</span>: ").append(e(problem.kind().label()))
                    .append(" at position ").append(problem.position()).append(" — ").append(e(problem.detail()));
        }
        html.append("</p>\n<table><thead><tr><th>Record</th><th>Action</th><th>Party</th><th>Effective date</th>")
                .append("<th>Source</th><th>Notes / reason</th><th>Recorded by, at</th><th>Verification</th>")
                .append("</tr></thead><tbody>\n");
        for (AuditReport.Line line : report.lines()) {
            boolean act = line.kind().startsWith("act");
            html.append(act ? "<tr>" : "<tr class=\"correction\">")
                    .append("<td>").append(e(line.recordId()))
                    .append(line.correctsRecordId() == null ? "" : "<br>" + e(line.kind()) + " of "
                            + e(line.correctsRecordId())).append("</td>")
                    .append("<td>").append(e(line.action()))
                    .append(line.kind().equals("act (retracted)") ? " <em>(retracted)</em>" : "")
                    .append(line.agreement() == null ? "" : "<br>agreement " + e(line.agreement()))
                    .append(line.details() == null ? "" : "<br>" + e(line.details())).append("</td>")
                    .append("<td>").append(e(line.party())).append("</td>")
                    .append("<td>").append(e(line.effectiveDate()))
                    .append(line.precision() == null ? "" : " (" + e(line.precision()) + ")")
                    .append(line.recordedDate() == null || line.recordedDate().equals(line.effectiveDate()) ? ""
                            : "<br>" + (act ? "recorded as " : "was ") + e(line.recordedDate()))
                    .append("</td><td>").append(source(line.source())).append("</td>")
                    .append("<td>").append(e(line.notes())).append("</td>")
                    .append("<td>").append(e(line.recordedBy())).append("<br>")
                    .append(e(String.valueOf(line.recordedAt()))).append("</td>")
                    .append("<td").append(line.status().verified() ? ">" : " class=\"bad\">")
                    .append(e(line.status().text())).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n</body></html>\n");
        return html.toString();
    }

    private static String source(Source source) {
        if (source == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        if (source.title() != null) {
            text.append(e(source.title()));
        }
        if (source.url() != null) {
            // the URL is shown as text, never as a link: it is recorded input
            text.append(text.isEmpty() ? "" : "<br>").append("<code>").append(e(source.url())).append("</code>");
        }
        if (source.publisher() != null) {
            text.append("<br>").append(e(source.publisher()));
        }
        if (source.publishedOn() != null) {
            text.append(", published ").append(e(source.publishedOn()));
        }
        if (source.quote() != null) {
            text.append("<br><q>").append(e(source.quote())).append("</q>");
        }
        return text.toString();
    }

    private static String e(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
