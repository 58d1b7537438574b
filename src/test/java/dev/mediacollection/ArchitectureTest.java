package dev.mediacollection;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of docs/architecture.md, checked on the compiled application (tests left out). */
@AnalyzeClasses(packages = "dev.mediacollection", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Every package is its own slice ({@code api} and {@code api.body} too): no two may import each other. */
    @ArchTest
    static final ArchRule noPackageImportsAnotherThatImportsIt = slices()
            .matching("dev.mediacollection.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theDomainCoreUsesNoHttpOrSqlTypes = noClasses()
            .that().resideInAnyPackage("dev.mediacollection.session..", "dev.mediacollection.tracking..",
                    "dev.mediacollection.metrics..", "dev.mediacollection.validation..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "io.vertx..", "java.sql..",
                    "javax.sql..");
}
