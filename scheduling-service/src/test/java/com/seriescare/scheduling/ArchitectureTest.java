package com.seriescare.scheduling;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The scheduling rules are plain Java: no framework, database, broker or JSON library inside them. */
class ArchitectureTest {

    static final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.seriescare.scheduling");

    @Test
    void domainClassesDependOnNoFrameworkOrAdapter() {
        noClasses()
                .that()
                .haveSimpleNameStartingWith("Session")
                .and()
                .haveSimpleNameNotEndingWith("Controller")
                .or()
                .haveSimpleName("Series")
                .or()
                .haveSimpleName("SeriesBooking")
                .or()
                .haveSimpleName("SeriesPattern")
                .or()
                .haveSimpleName("SlotRules")
                .or()
                .haveSimpleName("Occupied")
                .or()
                .haveSimpleName("BookingConflict")
                .or()
                .haveSimpleName("IllegalTransition")
                .or()
                .haveSimpleName("Clinic")
                .or()
                .haveSimpleName("OpeningHours")
                .or()
                .haveSimpleName("TreatmentPlan")
                .or()
                .haveSimpleName("Patient")
                .or()
                .haveSimpleName("PatientRegistration")
                .or()
                .haveSimpleName("MobilePhone")
                .or()
                .haveSimpleName("LastText")
                .or()
                .haveSimpleName("TextHistory")
                .or()
                .haveSimpleName("InboxItem")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "org.bson..",
                        "com.mongodb..",
                        "org.apache.kafka..",
                        "jakarta..",
                        "tools.jackson..",
                        "com.fasterxml.jackson..")
                .check(classes);
    }
}
