package org.coalitionledger.transfer;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines as {@link java.io.BufferedReader#readLine()} does (ended by {@code \n}, {@code \r\n} or {@code \r}),
 * but never holds more than {@code max} characters of one: a longer line is read to its end without being kept, and
 * answered as {@link #TOO_LONG}, so that a body without line breaks cannot fill the heap.
 */
final class BoundedLines {

    private final Reader in;
    private final int max;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private boolean skipNewline;
    private long lastLength;
    private final StringBuilder line = new StringBuilder();

    BoundedLines(Reader in, int max) {
        this.in = in;
        this.max = max;
    }

    /** The next line; {@code null} at the end; the line's length only (its text dropped) when it is too long. */
    String next() throws IOException {
        line.setLength(0);
        long length = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    lastLength = length;
                    return any ? ended(length) : null;
                }
            }
            char c = buffer[position++];
            if (skipNewline) {
                skipNewline = false;
                if (c == '\n') {
                    continue;
                }
            }
            any = true;
            if (c == '\n' || c == '\r') {
                skipNewline = c == '\r';
                lastLength = length;
                return ended(length);
            }
            length++;
            if (length <= max) {
                line.append(c);
            }
        }
    }

    private String ended(long length) {
        return length > max ? TOO_LONG : line.toString();
    }

    /** What {@link #next()} answers for a line over the limit (compared by identity); its length: {@link #length()}. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    static final String TOO_LONG = new String("");

    static boolean tooLong(String line) {
        return line == TOO_LONG;
    }

    /** The length of the line {@link #next()} answered last. */
    long length() {
        return lastLength;
    }
}
