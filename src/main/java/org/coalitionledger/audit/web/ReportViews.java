package org.coalitionledger.audit.web;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.coalitionledger.audit.AuditReport;
import org.coalitionledger.common.Source;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.stream.Stream;

/** The audit report as printable HTML (Thymeleaf, every value escaped) and as CSV (commons-csv). */
@Component
class ReportViews {

    private static final String[] COLUMNS = {"recordId", "kind", "action", "correctsRecordId", "agreement", "party",
            "effectiveDate", "precision", "recordedDate", "details", "sourceTitle", "sourceUrl", "sourcePublisher",
            "sourcePublishedOn", "sourceQuote", "notes", "recordedBy", "recordedAt", "treePosition", "checkpoint",
            "verification", "sourceEvidence", "reviewVerdict", "reviewer", "reviewedAt", "review",
            "changedSinceReview"};

    private final ITemplateEngine templates;

    ReportViews(ITemplateEngine templates) {
        this.templates = templates;
    }

    static String csv(AuditReport.Report report) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(COLUMNS).get())) {
            for (AuditReport.Line line : report.lines()) {
                Source source = line.source() == null ? new Source(null, null, null, null, null) : line.source();
                var review = line.review();
                csv.printRecord(Stream.of(
                        line.recordId(), line.kind(), line.action(), line.correctsRecordId(), line.agreement(),
                        line.party(), line.effectiveDate(), line.precision(), line.recordedDate(), line.details(),
                        source.title(), source.url(), source.publisher(), source.publishedOn(), source.quote(),
                        line.notes(), line.recordedBy(), line.recordedAt(), line.status().position(),
                        line.status().checkpoint(), line.status().text(),
                        source.evidenceOrEmpty().isEmpty() ? null : String.join(" ", source.evidence()),
                        review == null || review.verdict() == null ? null : review.verdict().name(),
                        review == null ? null : review.reviewer(), review == null ? null : review.reviewedAt(),
                        review == null ? null : review.review(),
                        review == null || review.verdict() == null ? null : review.changedSinceReview())
                        .map(ReportViews::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Spreadsheets run a cell that starts with one of these as a formula (CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    /**
     * A value as a CSV cell that no spreadsheet runs as a formula: text starting with {@code =}, {@code +},
     * {@code -}, {@code @}, a tab or a carriage return gets a leading apostrophe, as OWASP advises.
     */
    static Object cell(Object value) {
        if (value instanceof String text && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return value;
    }

    /** The report as a printable page, rendered by Thymeleaf (templates/audit-report.html). */
    String html(AuditReport.Report report) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("report", report);
        return templates.process("audit-report", context);
    }
}
