package com.seriescare.intake.patientform;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.seriescare.servicesupport.security.SignInThrottle;
import com.seriescare.servicesupport.throttle.StoredBuckets;
import com.seriescare.testsupport.SharedInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Two replicas behind one load balancer spend from one allowance (the buckets are in the store the replicas share):
 * with buckets in each instance, a guesser alternating between them got twice the tries.
 */
class ThrottlesAcrossReplicasTest {

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
    void linkGuessesOnEitherReplicaCountAgainstTheAddressOnBoth() {
        var store = new MongoTemplate(client, "throttles-" + UUID.randomUUID());
        var one = new FormThrottles(new StoredBuckets(store), 4, 30, 60);
        var other = new FormThrottles(new StoredBuckets(store), 4, 30, 60);

        one.guessedWrong("10.0.0.1");
        other.guessedWrong("10.0.0.1");
        one.guessedWrong("10.0.0.1");
        assertThat(other.guessing("10.0.0.1")).isFalse();
        other.guessedWrong("10.0.0.1");

        assertThat(one.guessing("10.0.0.1")).isTrue();
        assertThat(other.guessing("10.0.0.1")).isTrue();
        assertThat(other.guessing("10.0.0.2")).isFalse();
        // the store holds no address, only its hash
        assertThat(store.getCollection("throttle_buckets").find().map(d -> d.toJson()))
                .isNotEmpty()
                .allSatisfy(json -> assertThat(json).doesNotContain("10.0.0.1"));
    }

    @Test
    void failedSignInsOnEitherReplicaCountAgainstTheAccountOnBoth() throws Exception {
        var store = new MongoTemplate(client, "throttles-" + UUID.randomUUID());
        var one = new SignInThrottle(new StoredBuckets(store), 3, 50, Duration.ofMinutes(15));
        var other = new SignInThrottle(new StoredBuckets(store), 3, 50, Duration.ofMinutes(15));

        assertThat(signIn(one, "mallory", 401)).isEqualTo(401);
        assertThat(signIn(other, "mallory", 401)).isEqualTo(401);
        assertThat(signIn(one, "mallory", 401)).isEqualTo(401);

        assertThat(signIn(other, "mallory", 200))
                .as("the right password, too late")
                .isEqualTo(429);
        assertThat(signIn(one, "mallory", 200)).isEqualTo(429);
        assertThat(signIn(other, "alice", 200)).isEqualTo(200);
    }

    /** A Basic sign-in through the throttle; the rest of the chain answers {@code passwordAnswer}. */
    private static int signIn(SignInThrottle throttle, String user, int passwordAnswer) throws Exception {
        var request = new MockHttpServletRequest("GET", "/api/patients");
        request.setRemoteAddr("10.1.1.1");
        request.addHeader(
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8)));
        var response = new MockHttpServletResponse();
        throttle.doFilter(request, response, new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                ((MockHttpServletResponse) res).setStatus(passwordAnswer);
            }
        });
        return response.getStatus();
    }
}
