package org.coalitionledger;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.params.ParameterizedTest;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every compiled test class holding a test method has a name that Surefire runs by default ({@code Test*},
 * {@code *Test}, {@code *Tests}, {@code *TestCase}); a test class named otherwise would pass because it never runs.
 * Nested and inner classes run with their outermost class, so that one's name counts.
 */
class TestClassNamesTest {

    private static final Pattern SUREFIRE_DEFAULT = Pattern.compile("Test.*|.*Test|.*Tests|.*TestCase");
    private static final List<Class<? extends Annotation>> TEST_METHODS = List.of(
            Test.class, ParameterizedTest.class, TestFactory.class, RepeatedTest.class, TestTemplate.class);

    @Test
    void everyClassWithTestsIsNamedForSurefire() throws Exception {
        Path classes = Path.of(TestClassNamesTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> withTests = testClasses(classes);
        assertThat(withTests).as("test classes found under %s", classes).contains(getClass().getName());
        assertThat(withTests).as("classes with tests that Surefire does not run by name")
                .allMatch(name -> SUREFIRE_DEFAULT.matcher(name.substring(name.lastIndexOf('.') + 1)).matches());
    }

    /** The outermost classes, by name, of every concrete class under the directory that declares a test method. */
    private static Set<String> testClasses(Path root) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String relative = root.relativize(file).toString();
                String name = relative.substring(0, relative.length() - ".class".length())
                        .replace(file.getFileSystem().getSeparator(), ".");
                Class<?> type;
                try {
                    type = Class.forName(name, false, TestClassNamesTest.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                if (!Modifier.isAbstract(type.getModifiers()) && declaresTests(type)) {
                    Class<?> outermost = type;
                    while (outermost.getEnclosingClass() != null) {
                        outermost = outermost.getEnclosingClass();
                    }
                    names.add(outermost.getName());
                }
            }
        }
        return names;
    }

    private static boolean declaresTests(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (TEST_METHODS.stream().anyMatch(method::isAnnotationPresent)) {
                    return true;
                }
            }
        }
        return false;
    }
}
