package com.seriescare.notification;

import static com.seriescare.notification.TextingIntegrationTest.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seriescare.contracts.scheduling.PatientRegistered;
import com.seriescare.notification.patients.PatientContacts;
import com.seriescare.testsupport.EventPublisherForTests;
import com.seriescare.testsupport.JsonHttp;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A front desk sees the texts and consent history of its own clinic's patients only. */
@NotificationServiceTest
class TimelineClinicIntegrationTest {

    static final EventPublisherForTests events = new EventPublisherForTests();

    @LocalServerPort
    int port;

    @Autowired
    PatientContacts contacts;

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void anotherClinicsPatientIsNotFound() {
        var ours = registered(true, "en", "America/Denver");
        var theirs = atOtherClinic(registered(true, "en", "America/Denver"));
        events.publish(ours);
        events.publish(theirs);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> contacts.find(ours.patientId()).isPresent()
                        && contacts.find(theirs.patientId()).isPresent());
        JsonHttp frontDesk = JsonHttp.at("http://localhost:" + port).as("frontdesk", "frontdesk");

        assertThat(frontDesk
                        .get("/api/patients/" + ours.patientId() + "/messages")
                        .status())
                .isEqualTo(200);
        assertThat(frontDesk
                        .get("/api/patients/" + ours.patientId() + "/consent-history")
                        .status())
                .isEqualTo(200);
        assertThat(frontDesk
                        .get("/api/patients/" + theirs.patientId() + "/messages")
                        .status())
                .isEqualTo(404);
        assertThat(frontDesk
                        .get("/api/patients/" + theirs.patientId() + "/consent-history")
                        .status())
                .isEqualTo(404);
    }

    private static PatientRegistered atOtherClinic(PatientRegistered p) {
        return new PatientRegistered(
                p.patientId(),
                "west-slope",
                p.firstName(),
                p.lastName(),
                p.mobilePhone(),
                p.preferredLanguage(),
                p.timeZone(),
                p.smsConsent(),
                p.registeredAt(),
                p.patientRevision());
    }
}
