package org.coalitionledger.it.stages;

import org.coalitionledger.it.TestDatabase;

/** What the two suites share. */
final class Stages {

    /** Surefire's default names of test classes ({@code Test*}, {@code *Test}, {@code *Tests}, {@code *TestCase}). */
    static final String TEST_CLASS_NAMES = "^(.*\\.)?(Test[^.]*|[^.]*Test|[^.]*Tests|[^.]*TestCase)$";

    private Stages() {
    }

    /**
     * Sets the database the suite's tests run on, before any of them starts: each suite runs in a JVM of its own
     * ({@code reuseForks} false), and nothing reads the setting while the tests are only being found.
     */
    static void runOn(String database) {
        System.setProperty(TestDatabase.PROPERTY, database);
    }
}
