package com.seriescare.notification.clinic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.seriescare.testsupport.SharedInfrastructure;
import com.seriescare.testsupport.TestClinics;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The clinics are read for every text, so each instance answers from memory: settings it takes are in use at once,
 * and settings another replica took (the consumer group hands each publication to one of them) within seconds.
 */
class ClinicDirectoryTest {

    static MongoClient client;

    @BeforeAll
    static void store() {
        client = MongoClients.create(SharedInfrastructure.endpoints().mongoUri());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void settingsTakenHereAreUsedAtOnceAndThoseAnotherReplicaTookWithinSeconds() {
        var store = new MongoTemplate(client, "clinic-directory-" + UUID.randomUUID());
        var one = new ClinicDirectory(store);
        var other = new ClinicDirectory(store);
        assertThat(one.apply(TestClinics.renamed(TestClinics.westSlope(), 1, "West Slope Clinic")))
                .isTrue();
        assertThat(other.find("west-slope")).map(Clinic::shortName).contains("West Slope Clinic");
        // a clinic the other replica has not heard of yet is asked of the store again, not taken as absent for long
        assertThat(other.find("front-range")).isEmpty();
        one.apply(TestClinics.frontRange());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> other.find("front-range").isPresent());

        one.apply(TestClinics.renamed(TestClinics.westSlope(), 2, "West Slope Infusions"));

        assertThat(one.find("west-slope")).map(Clinic::shortName).contains("West Slope Infusions");
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> other.find("west-slope").map(Clinic::shortName).orElseThrow(),
                        "West Slope Infusions"::equals);
    }
}
