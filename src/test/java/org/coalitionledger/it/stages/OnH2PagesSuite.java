package org.coalitionledger.it.stages;

import org.junit.platform.suite.api.BeforeSuite;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The slow tests on the embedded H2 database, part two: the web pages and the browser, and the benchmarks' smoke
 * runs, every class Surefire would run by its name in these packages. Surefire runs it beside {@link OnH2Suite} and
 * {@link OnPostgresqlSuite}, each in a JVM of its own (pom.xml, execution {@code slow}).
 */
@Suite
@SuiteDisplayName("pages, browser and benchmark smoke tests on H2")
@SelectPackages({"org.coalitionledger.ui", "org.coalitionledger.bench"})
@IncludeClassNamePatterns({Stages.TEST_CLASS_NAMES})
class OnH2PagesSuite {

    @BeforeSuite
    static void onH2() {
        Stages.runOn("h2");
    }
}
