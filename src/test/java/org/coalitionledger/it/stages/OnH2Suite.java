package org.coalitionledger.it.stages;

import org.junit.platform.suite.api.BeforeSuite;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The slow tests on the embedded H2 database, part one: the HTTP, process and security tests, every class Surefire
 * would run by its name in these packages. Surefire runs it beside {@link OnH2PagesSuite} and
 * {@link OnPostgresqlSuite}, each in a JVM of its own (pom.xml, execution {@code slow}).
 */
@Suite
@SuiteDisplayName("HTTP, process and security tests on H2")
@SelectPackages({"org.coalitionledger.it", "org.coalitionledger.security"})
@IncludeClassNamePatterns({Stages.TEST_CLASS_NAMES})
class OnH2Suite {

    @BeforeSuite
    static void onH2() {
        Stages.runOn("h2");
    }
}
