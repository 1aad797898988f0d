package com.seriescare.scheduling.clinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seriescare.contracts.Topics;
import com.seriescare.scheduling.SchedulingServiceTest;
import com.seriescare.testsupport.RecordedTopics;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * scheduling-service owns each clinic's settings and publishes them on {@code clinic.settings}, keyed by clinic, when
 * they change, with a higher version each time; unchanged settings are not published again.
 */
@SchedulingServiceTest
class ClinicSettingsIntegrationTest {

    static final JsonMapper json = JsonMapper.builder().build();
    static RecordedTopics topics;

    @Autowired
    ClinicSettingsPublisher publisher;

    @Autowired
    ClinicsProperties properties;

    @Autowired
    ClinicTextsInForce texts;

    @BeforeAll
    static void record() {
        topics = RecordedTopics.of(Topics.CLINIC_SETTINGS);
    }

    @AfterAll
    static void stop() {
        topics.close();
    }

    @Test
    void everyConfiguredClinicsSettingsArePublishedKeyedByClinic() {
        JsonNode west = latest("west-slope", 1);

        assertThat(west.path("shortName").asString()).isEqualTo("West Slope Clinic");
        assertThat(west.path("phone").asString()).isEqualTo("+19705550100");
        assertThat(west.path("timeZone").asString()).isEqualTo("America/Denver");
        assertThat(west.path("texting").path("quietHoursStart").asString()).isEqualTo("21:00");
        assertThat(west.path("forms").path("intakeDueBefore").asString()).isEqualTo("PT72H");
        JsonNode front = latest("front-range", 1);
        assertThat(front.path("shortName").asString()).isEqualTo("Front Range Clinic");
        assertThat(front.path("closures").findValuesAsString("name"))
                .containsExactly("Martin Luther King Jr. Day", "Staff training");
        assertThat(front.path("closures").get(0).path("to").asString()).isEqualTo("2027-01-18");
        assertThat(front.path("closures").get(1).path("to").asString()).isEqualTo("2027-01-21");
        assertThat(west.path("closures")).isEmpty();
        assertThat(topics.onTopic(Topics.CLINIC_SETTINGS))
                .allSatisfy(record -> assertThat(record.ceType()).isEqualTo("clinic.settings.published.v1"));
    }

    @Test
    void changedSettingsArePublishedAsTheNextVersionAndUnchangedOnesNotAgain() {
        var front = properties.clinics().stream()
                .filter(c -> c.id().equals("front-range"))
                .findFirst()
                .orElseThrow()
                .toSettings()
                .withTexts(texts.of("front-range"))
                .withTiming(texts.timingOf("front-range").orElse(null));
        long before = latest("front-range", 1).path("version").asLong();

        assertThat(publisher.publishIfChanged(front)).isEqualTo(ClinicSettingsPublisher.Outcome.UNCHANGED);
        var renamed = new ClinicSettings(
                front.clinicId(),
                front.name(),
                "Front Range Health",
                front.timeZone(),
                front.phone(),
                front.phoneRegion(),
                front.address(),
                front.texting(),
                List.of(new ClinicSettings.OnCall("Dr. Ito", "+13035550111")),
                front.intakeDueBefore(),
                front.checklistDueBefore(),
                front.texts(),
                front.timing(),
                front.closures());
        assertThat(publisher.publishIfChanged(renamed)).isEqualTo(ClinicSettingsPublisher.Outcome.PUBLISHED);

        JsonNode published = latest("front-range", before + 1);
        assertThat(published.path("shortName").asString()).isEqualTo("Front Range Health");
        assertThat(published.path("onCall").get(0).path("phone").asString()).isEqualTo("+13035550111");
        // back as configured: the next version again, for the other tests
        assertThat(publisher.publishIfChanged(front)).isEqualTo(ClinicSettingsPublisher.Outcome.PUBLISHED);
        assertThat(latest("front-range", before + 2).path("shortName").asString())
                .isEqualTo("Front Range Clinic");
    }

    private static JsonNode latest(String clinicId, long atLeastVersion) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> topics.forKey(clinicId).stream()
                                .map(record -> json.readTree(record.body()))
                                .filter(body -> body.path("version").asLong() >= atLeastVersion)
                                .reduce((first, second) -> second)
                                .orElse(null),
                        found -> found != null);
    }
}
