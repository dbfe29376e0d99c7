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

/** The audit report as printable HTML (Thymeleaf, every value escaped) and as CSV (commons-csv). */
@Component
class ReportViews {

    private static final String[] COLUMNS = {"recordId", "kind", "action", "correctsRecordId", "agreement", "party",
            "effectiveDate", "precision", "recordedDate", "details", "sourceTitle", "sourceUrl", "sourcePublisher",
            "sourcePublishedOn", "sourceQuote", "notes", "recordedBy", "recordedAt", "treePosition", "checkpoint",
            "verification"};

    private final ITemplateEngine templates;

    ReportViews(ITemplateEngine templates) {
        this.templates = templates;
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

    /** The report as a printable page, rendered by Thymeleaf (templates/audit-report.html). */
    String html(AuditReport.Report report) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("report", report);
        return templates.process("audit-report", context);
    }
}
