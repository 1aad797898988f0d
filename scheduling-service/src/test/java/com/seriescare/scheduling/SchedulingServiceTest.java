package com.seriescare.scheduling;

import com.seriescare.testsupport.MutableClock;
import com.seriescare.testsupport.UsesSharedInfrastructure;
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

/**
 * The whole service on a random port against the shared broker and store, with a clock the test moves. Every
 * class with this annotation shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesSharedInfrastructure
@ActiveProfiles({"dev", "test"})
@Import(SchedulingServiceTest.TestClock.class)
public @interface SchedulingServiceTest {

    /** "Now" for tests unless they move it: a few weeks before the sessions they book. */
    Instant NOW = Instant.parse("2026-10-20T16:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    class TestClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(NOW);
        }
    }
}
