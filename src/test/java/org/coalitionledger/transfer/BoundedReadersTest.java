package org.coalitionledger.transfer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The import's readers hold at most one line (or CSV row) of a bounded length, whatever the body. */
class BoundedReadersTest {

    private static List<String> lines(Reader in, int max) throws IOException {
        BoundedLines bounded = new BoundedLines(in, max);
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = bounded.next()) != null) {
            lines.add(BoundedLines.tooLong(line) ? "too long: " + bounded.length() : line);
        }
        return lines;
    }

    @Test
    void linesEndAsReadLineEndsThem() throws IOException {
        assertThat(lines(new StringReader("a\nbb\r\nc\rd\n\ne"), 10)).containsExactly("a", "bb", "c", "d", "", "e");
        assertThat(lines(new StringReader(""), 10)).isEmpty();
        assertThat(lines(new StringReader("a\n"), 10)).containsExactly("a");
    }

    @Test
    void aLineOverTheLimitIsReadToItsEndWithoutBeingKept() throws IOException {
        assertThat(lines(new StringReader("short\n" + "x".repeat(25) + "\nnext"), 10))
                .containsExactly("short", "too long: 25", "next");
        assertThat(lines(new StringReader("x".repeat(11)), 10)).containsExactly("too long: 11");
        assertThat(lines(new StringReader("x".repeat(10)), 10)).containsExactly("x".repeat(10));
    }

    @Test
    void aBodyWithoutLineBreaksNeverFillsMemory() throws IOException {
        // 2 GB of characters that are never stored: the reader keeps at most its limit
        Reader endless = new Reader() {
            private long left = 2_000_000_000L;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                java.util.Arrays.fill(buffer, offset, offset + n, 'x');
                left -= n;
                return n;
            }

            @Override
            public void close() {
            }
        };
        assertThat(lines(endless, 64)).containsExactly("too long: 2000000000");
    }

    @Test
    void aCsvRowOverTheLimitIsRefusedAsItIsRead() {
        String row = "a,b\n\"" + "x\n".repeat(20) + "\",c\n";
        assertThatThrownBy(() -> new CsvImport.BoundedRows(new StringReader(row), 30)
                .transferTo(java.io.Writer.nullWriter()))
                .hasMessage("a row is longer than 30 characters");
    }

    @Test
    void quotedLineBreaksBelongToTheirRowAndRowsBelowTheLimitPass() throws IOException {
        String rows = "a,b\n\"x\ny\",c\n\"q\"\"q\",d\n";
        java.io.StringWriter copy = new java.io.StringWriter();
        new CsvImport.BoundedRows(new StringReader(rows), 9).transferTo(copy);
        assertThat(copy).hasToString(rows);
    }
}
