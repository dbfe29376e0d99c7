package org.coalitionledger;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The flow command → aggregate → event → projection → query, kept honest: each part sees only what it may; the
 * top-level packages are modules that form no cycle, and none reaches into another's internals.
 */
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
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework.data..", "jakarta.persistence..", "org.springframework.jdbc..")
                .check(CLASSES);
    }

    @Test
    void onlyTheWebLayerSpeaksHttp() {
        noClasses().that().resideInAnyPackage(COMMAND, EVENT, QUERY, COMMON, "org.coalitionledger.audit")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
                .check(CLASSES);
    }

    /**
     * The top-level packages (features such as {@code coalition}, {@code agreement}, {@code correction}, and shared
     * ones such as {@code common}, {@code recording}, {@code web}) depend on each other without a cycle. Moving, say,
     * the coalition details that list agreements back into {@code coalition.web} makes this fail (coalition →
     * agreement → coalition).
     */
    @Test
    void modulesFormNoCycle() {
        slices().matching("org.coalitionledger.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /**
     * A module's aggregates, projections and controllers are its own: another module talks to it through its
     * messages (commands, events, queries and their answers) and its request records, never through these. The
     * composition root ({@code config}) wires aggregates and is the one exception.
     */
    @Test
    void noModuleReachesIntoAnothersInternals() {
        for (String module : modules()) {
            DescribedPredicate<JavaClass> internal = DescribedPredicate.describe(
                    "aggregates, projections or controllers of " + module,
                    type -> type.getPackageName().startsWith("org.coalitionledger." + module)
                            && (type.isAnnotatedWith(Aggregate.class) || type.isAnnotatedWith(ProcessingGroup.class)
                                || type.isAnnotatedWith(RestController.class)
                                || type.isAnnotatedWith(Controller.class)));
            ArchRule rule = noClasses().that().resideOutsideOfPackages("org.coalitionledger." + module + "..",
                                                                        "org.coalitionledger.config..")
                    .should().dependOnClassesThat(internal);
            rule.allowEmptyShould(true).check(CLASSES);
        }
    }

    /** What events are made of holds no persistence, threads, Spring or Axon: it is the message API. */
    @Test
    void messageApiHoldsNoInfrastructure() {
        noClasses().that().resideInAnyPackage(COMMON, EVENT)
                .should().dependOnClassesThat()
                .resideInAnyPackage("jakarta.persistence..", "org.springframework..", "org.axonframework..",
                                    "java.util.concurrent..", "java.sql..")
                .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
                .check(CLASSES);
    }

    private static java.util.Set<String> modules() {
        java.util.Set<String> modules = new java.util.TreeSet<>();
        for (JavaClass type : CLASSES) {
            String rest = type.getPackageName().replaceFirst("^org\\.coalitionledger\\.?", "");
            if (!rest.isEmpty()) {
                modules.add(rest.split("\\.")[0]);
            }
        }
        return modules;
    }
}
