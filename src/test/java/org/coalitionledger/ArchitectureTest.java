package org.coalitionledger;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The flow command → aggregate → event → projection → query, kept honest: each part sees only what it may. */
class ArchitectureTest {

    private static final String COMMAND = "org.coalitionledger..command..";
    private static final String EVENT = "org.coalitionledger..event..";
    private static final String QUERY = "org.coalitionledger..query..";
    private static final String WEB = "org.coalitionledger..web..";
    private static final String RECORDING = "org.coalitionledger.recording..";
    private static final String COMMON = "org.coalitionledger.common..";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.coalitionledger");

    @Test
    void eventsDependOnNothingButSharedValues() {
        noClasses().that().resideInAPackage(EVENT)
                .should().dependOnClassesThat()
                .resideInAnyPackage(COMMAND, QUERY, WEB, RECORDING, "org.springframework..", "org.axonframework..")
                .check(CLASSES);
    }

    @Test
    void commandSideDoesNotReadProjections() {
        noClasses().that().resideInAPackage(COMMAND)
                .should().dependOnClassesThat().resideInAnyPackage(QUERY, WEB, RECORDING)
                .check(CLASSES);
    }

    @Test
    void projectionsDoNotReachIntoAggregates() {
        noClasses().that().resideInAPackage(QUERY)
                .should().dependOnClassesThat().resideInAnyPackage(COMMAND, WEB)
                .check(CLASSES);
    }

    @Test
    void theOfflineVerifierNeedsNoSpringNoAxonAndNoDatabase() {
        noClasses().that().haveSimpleNameStartingWith("BundleVerifier")
                .or().haveSimpleNameStartingWith("Verification")
                .or().haveSimpleNameStartingWith("Merkle")
                .or().haveSimpleNameStartingWith("CanonicalEvent")
                .or().haveSimpleNameStartingWith("Checkpoint")
                .or().haveSimpleNameStartingWith("AuditKeys")
                .or().haveSimpleNameStartingWith("Bundle")
                .and().resideInAPackage("org.coalitionledger.audit")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.axonframework..", "java.sql..", "javax.sql..",
                                    "java.net..")
                .check(CLASSES);
    }

    @Test
    void pagesReadThroughQueriesOnly() {
        noClasses().that().resideInAPackage("org.coalitionledger.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data..", "jakarta.persistence..",
                                                                  "org.springframework.jdbc..")
                .check(CLASSES);
    }

    @Test
    void onlyTheWebLayerSpeaksHttp() {
        noClasses().that().resideInAnyPackage(COMMAND, EVENT, QUERY, COMMON, "org.coalitionledger.audit")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
                .check(CLASSES);
    }
}
