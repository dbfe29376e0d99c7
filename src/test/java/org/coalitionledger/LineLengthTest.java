package org.coalitionledger;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 120-column rule of .editorconfig, in characters (not bytes), for the Java sources, the templates and the
 * static files. Markdown is exempt: its tables may be wider.
 */
class LineLengthTest {

    static final int MAX = 120;

    private static final List<Path> ROOTS = List.of(Path.of("src/main/java"), Path.of("src/test/java"),
                                                    Path.of("src/main/resources/templates"),
                                                    Path.of("src/main/resources/static"));

    @Test
    void noLineIsLongerThan120Characters() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (Path root : ROOTS) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".md"))
                        .sorted().toList()) {
                    tooLong.addAll(longLines(file));
                }
            }
        }
        assertThat(tooLong).as("lines over %d characters", MAX).isEmpty();
    }

    /** Each line of {@code file} over the limit, as file:line (length). */
    static List<String> longLines(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> tooLong = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int length = line.codePointCount(0, line.length());
            if (length > MAX) {
                tooLong.add(file + ":" + (i + 1) + " (" + length + " characters)");
            }
        }
        return tooLong;
    }
}
