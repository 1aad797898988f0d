package com.seriescare.scheduling.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.seriescare.testsupport.SharedInfrastructure;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The day's lock on the store the dev stack uses, as several front desks of one instance meet it. */
class ClinicDayLocksTest {

    static MongoClient client;
    static ClinicDayLocks locks;

    @BeforeAll
    static void store() {
        client = MongoClients.create(SharedInfrastructure.endpoints().mongoUri());
        locks = new ClinicDayLocks(new MongoTemplate(client, "clinic-day-locks-test"));
    }

    @AfterAll
    static void close() {
        client.close();
    }

    /**
     * Bookings waiting for a day another booking holds get it in the order they came. Before, each polled the store
     * with pauses that grew to 100 ms, and when the day was let go whoever polled next won: the one waiting longest,
     * pausing longest, lost to later arrivals again and again (in a burst, seconds for one booking at the desk).
     */
    @Test
    void bookingsWaitingForADayGetItInTheOrderTheyCame() throws Exception {
        String clinic = "queue-" + UUID.randomUUID();
        LocalDate day = LocalDate.of(2027, 1, 4);
        List<Integer> served = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        List<Thread> bookings = new ArrayList<>();
        bookings.add(Thread.ofPlatform()
                .start(() -> locks.holding(clinic, List.of(day), () -> {
                    holding.countDown();
                    awaitQuietly(letGo);
                    return served.add(0);
                })));
        holding.await();
        for (int n = 1; n <= 5; n++) {
            int arrival = n;
            Thread waiting =
                    Thread.ofPlatform().start(() -> locks.holding(clinic, List.of(day), () -> served.add(arrival)));
            bookings.add(waiting);
            // it has come and waits before the next one comes
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> waiting.getState() == Thread.State.WAITING
                            || waiting.getState() == Thread.State.TIMED_WAITING);
        }

        letGo.countDown();
        for (Thread booking : bookings) {
            booking.join(Duration.ofSeconds(20));
        }

        assertThat(served).containsExactly(0, 1, 2, 3, 4, 5);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
