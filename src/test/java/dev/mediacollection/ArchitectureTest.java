package dev.mediacollection;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package rules of docs/architecture.md, checked on the compiled application (tests left out). A plain JUnit
 * test rather than ArchUnit's own test engine: that engine loads every test class while discovering, so a Quarkus
 * application that fails to build would be reported as the engine's failure, for every test at once.
 */
class ArchitectureTest {

    private static JavaClasses application;

    @BeforeAll
    static void importApplication() {
        application = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.mediacollection");
    }

    /** Every package is its own slice ({@code api} and {@code api.body} too): no two may import each other. */
    @Test
    void noPackageImportsAnotherThatImportsIt() {
        slices().matching("dev.mediacollection.(**)").should().beFreeOfCycles().check(application);
    }

    @Test
    void theDomainCoreUsesNoHttpOrSqlTypes() {
        noClasses()
                .that().resideInAnyPackage("dev.mediacollection.session..", "dev.mediacollection.tracking..",
                        "dev.mediacollection.metrics..", "dev.mediacollection.validation..",
                        "dev.mediacollection.lint..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "io.vertx..", "java.sql..",
                        "javax.sql..")
                .check(application);
    }
}
