package com.seriescare.intake;

import com.seriescare.testsupport.MutableClock;
import com.seriescare.testsupport.SharedInfrastructureInitializer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service against the shared broker and store, with a clock the test moves. Every class with this
 * annotation shares one Spring context. Deadlines are passed by the tests ({@code DeadlineWatch#passDeadlines}) at
 * the instants they choose, not by the background poll.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = SharedInfrastructureInitializer.class)
@ActiveProfiles({"dev", "test"})
@Import(IntakeServiceTest.TestClock.class)
public @interface IntakeServiceTest {

    Instant NOW = Instant.parse("2026-10-20T16:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    class TestClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(NOW);
        }

        /** Both clinics' settings, as scheduling-service publishes them, known before any test runs. */
        @Bean
        org.springframework.boot.ApplicationRunner publishTestClinics(com.seriescare.intake.clinics.Clinics clinics) {
            return args -> {
                try (var events = new com.seriescare.testsupport.EventPublisherForTests()) {
                    events.publish(com.seriescare.testsupport.TestClinics.frontRange());
                    events.publish(com.seriescare.testsupport.TestClinics.westSlope());
                }
                org.awaitility.Awaitility.await()
                        .atMost(java.time.Duration.ofSeconds(60))
                        .until(() -> clinics.byId("west-slope").phone() != null
                                && clinics.byId("front-range").phone() != null);
            };
        }
    }
}
