package org.coalitionledger.storage;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A start that fails because the embedded H2 database file cannot be read says so plainly, names the file and the
 * way back (docs/operations.md, "A damaged database file"), instead of a page of stack trace. The ledger never opens
 * a store it cannot read: nothing is served from it.
 */
public class DamagedStoreFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    /** H2's error codes for a file it cannot read: FILE_CORRUPTED_1 and GENERAL_ERROR_1 around MVStore faults. */
    private static final int FILE_CORRUPTED = 90030;
    private static final Pattern FILE = Pattern.compile("(/[^\\s\"'\\]\\[]+\\.mv\\.db)");

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String message = String.valueOf(cause.getMessage());
        if (!damaged(cause, message)) {
            return null;
        }
        Matcher file = FILE.matcher(message);
        String path = file.find() ? file.group(1) : "<data-dir>/ledger.mv.db";
        String directory = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : ".";
        return new FailureAnalysis(
                "The ledger's database file " + path + " is damaged and cannot be opened (" + firstLine(message)
                        + "). The ledger does not start on a store it cannot read.",
                "Keep the damaged file aside (move " + path + " elsewhere), then restore the latest backup (an"
                        + " export: start on an empty data directory and POST it to /api/import; or copy back a"
                        + " backup of " + directory + "). To salvage what H2 can still read: java -cp <h2.jar>"
                        + " org.h2.tools.Recover -dir " + directory + " -db ledger, which writes ledger.h2.sql for"
                        + " RunScript. See docs/operations.md, \"A damaged database file\".",
                cause);
    }

    private static boolean damaged(SQLException cause, String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        return cause.getErrorCode() == FILE_CORRUPTED || lower.contains("file corrupted")
                || lower.contains("file is corrupted") || lower.contains("chunk") && lower.contains("not found")
                || lower.contains("mvstoreexception");
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
