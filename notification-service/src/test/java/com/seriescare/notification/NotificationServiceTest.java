package com.seriescare.notification;

import com.seriescare.testsupport.MutableClock;
import com.seriescare.testsupport.SharedInfrastructureInitializer;
import com.seriescare.testsupport.TwilioFake;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service against the shared broker and store, sending through the real Twilio SDK to {@link #TWILIO},
 * with a clock the test moves. Every class with this annotation shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "seriescare.dispatch.poll-interval=100ms",
            "seriescare.dispatch.first-retry-delay=0s",
            "seriescare.twilio.response-timeout=1s"
        })
// one @ContextConfiguration per test: it names the shared-infrastructure initializer itself
@ContextConfiguration(
        initializers = {SharedInfrastructureInitializer.class, NotificationServiceTest.PointTwilioAtTheFake.class})
@Import(NotificationServiceTest.TestClock.class)
@org.springframework.test.context.ActiveProfiles("dev")
public @interface NotificationServiceTest {

    Instant NOW = Instant.parse("2026-10-20T16:00:00Z");

    TwilioFake TWILIO = TwilioFake.start();

    String FROM = "+15005550006";

    class PointTwilioAtTheFake implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "twilioFake",
                            Map.of(
                                    "seriescare.twilio.account-sid",
                                    TwilioFake.ACCOUNT_SID,
                                    "seriescare.twilio.auth-token",
                                    TwilioFake.AUTH_TOKEN,
                                    "seriescare.twilio.from-number",
                                    FROM,
                                    "seriescare.twilio.api-base-url",
                                    TWILIO.baseUrl())));
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    class TestClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(NOW);
        }

        /** Both clinics' settings, as scheduling-service publishes them, known before any test runs. */
        @Bean
        org.springframework.boot.ApplicationRunner publishTestClinics(
                com.seriescare.notification.clinic.ClinicDirectory directory) {
            return args -> {
                try (var events = new com.seriescare.testsupport.EventPublisherForTests()) {
                    events.publish(com.seriescare.testsupport.TestClinics.frontRange());
                    events.publish(com.seriescare.testsupport.TestClinics.westSlope());
                }
                org.awaitility.Awaitility.await()
                        .atMost(java.time.Duration.ofSeconds(60))
                        .until(() -> directory.all().size() >= 2);
            };
        }
    }
}
