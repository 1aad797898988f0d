package com.seriescare.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Planning, wording, quiet hours and reading replies are plain Java: no framework, database, broker or SDK. */
class ArchitectureTest {

    static final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.seriescare.notification");

    @Test
    void domainClassesDependOnNoFrameworkOrAdapter() {
        noClasses()
                .that()
                .haveSimpleName("MessagePlanner")
                .or()
                .haveSimpleName("MessageText")
                .or()
                .haveSimpleName("MessageKind")
                .or()
                .haveSimpleName("MessageRules")
                .or()
                .haveSimpleName("PlannedMessage")
                .or()
                .haveSimpleName("QuietHours")
                .or()
                .haveSimpleName("TextSpacing")
                .or()
                .haveSimpleName("SmsSegments")
                .or()
                .haveSimpleName("ReplyClassifier")
                .or()
                .haveSimpleName("ReplyIntent")
                .or()
                .haveSimpleName("SessionView")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "org.bson..",
                        "com.mongodb..",
                        "org.apache.kafka..",
                        "com.twilio..",
                        "tools.jackson..",
                        "com.fasterxml.jackson..")
                .check(classes);
    }
}
