package com.deskledger.infra.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the module arrows of STYLE.md true. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.deskledger");
    }

    @Test
    void commandSideNeverImportsTheQuerySide() {
        noClasses().that().resideInAPackage("com.deskledger.command..")
                .should().dependOnClassesThat().resideInAPackage("com.deskledger.query..")
                .check(classes);
    }

    @Test
    void querySideNeverImportsTheCommandSide() {
        noClasses().that().resideInAPackage("com.deskledger.query..")
                .should().dependOnClassesThat().resideInAPackage("com.deskledger.command..")
                .check(classes);
    }

    @Test
    void neitherSideImportsTheApplicationAssembly() {
        noClasses().that().resideInAnyPackage("com.deskledger.command..", "com.deskledger.query..",
                        "com.deskledger.kernel..")
                .should().dependOnClassesThat().resideInAPackage("com.deskledger.infra..")
                .check(classes);
    }

    @Test
    void sharedKernelDependsOnAxonMessagingAndJacksonAnnotationsOnly() {
        classes().that().resideInAPackage("com.deskledger.kernel..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("com.deskledger.kernel..", "java..",
                        "org.axonframework.serialization..", "org.axonframework.modelling.command..",
                        "com.fasterxml.jackson.annotation..")
                .check(classes);
    }

    @Test
    void aggregatesKnowNothingOfWebOrPersistence() {
        noClasses().that().areAnnotatedWith(Aggregate.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.persistence..",
                        "org.springframework.jdbc..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void aggregatesNeverReadTheWallClock() {
        noClasses().that().areAnnotatedWith(Aggregate.class)
                .should().callMethod(java.time.Instant.class, "now")
                .check(classes);
    }
}
