package com.seriescare.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The forms' rules (questions, flags, deadlines, link tokens) are plain Java: no framework, database or broker. */
class ArchitectureTest {

    static final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.seriescare.intake");

    @Test
    void theFormsDomainDependsOnNoFrameworkOrAdapter() {
        noClasses()
                .that()
                .resideInAPackage("com.seriescare.intake.forms..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "org.bson..",
                        "com.mongodb..",
                        "org.apache.kafka..",
                        "jakarta..",
                        "tools.jackson..",
                        "com.seriescare.servicesupport..",
                        "com.seriescare.intake.store..",
                        "com.seriescare.intake.patientform..",
                        "com.seriescare.intake.frontdesk..")
                .check(classes);
    }
}
