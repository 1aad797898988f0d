package com.seriescare.scheduling.idempotency;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.seriescare.scheduling.shared.InvalidInput;
import com.seriescare.servicesupport.security.CurrentUser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on the requests that create something (a patient, a series): a client that did not hear the
 * answer (a dropped connection, a double tap) sends the same request with the same key and gets the first answer
 * again, and nothing is created twice. Keys are the caller's own (per clinic and user) and kept 24 hours; the same key
 * with a different request is refused (422), and while the first is still being handled a repeat gets 409.
 */
@Component
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";

    static final String COLLECTION = "idempotency_keys";
    static final Duration KEPT = Duration.ofHours(24);
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    /** One key's request and, once it was handled, its answer. */
    record Remembered(
            @Id String id,
            String fingerprint,
            boolean answered,
            int status,
            String location,
            String etag,
            String body,
            Instant at,
            Instant claimed) {}

    /**
     * A first request still unanswered after this long is over (requests time out well before): its claim is taken
     * over, so a key does not stay blocked when the store went away before its outcome could be written.
     */
    static final Duration ABANDONED = Duration.ofSeconds(15);

    private final MongoTemplate mongo;
    private final CurrentUser user;
    private final JsonMapper json;
    private final Clock clock;

    IdempotentRequests(MongoTemplate mongo, CurrentUser user, JsonMapper json, Clock clock) {
        this.mongo = mongo;
        this.user = user;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Runs {@code action} once per key: the first time for real, afterwards by replaying its answer.
     *
     * @param key the header's value; without one the action simply runs
     * @param operation what is asked, e.g. {@code POST /api/patients}, so one key cannot stand for two operations
     * @param request the request as received, which a repeat must match
     */
    public ResponseEntity<?> once(String key, String operation, Object request, Supplier<ResponseEntity<?>> action) {
        if (key == null) {
            return action.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidInput(HEADER, "must be 1 to 200 visible characters, e.g. a UUID");
        }
        String id = user.clinicId() + "\n" + user.username() + "\n" + key;
        String fingerprint = sha256(operation + "\n" + json.writeValueAsString(request));
        Instant now = clock.instant();
        if (!claim(new Remembered(id, fingerprint, false, 0, null, null, null, now, Instant.now()))) {
            Remembered first = mongo.findById(id, Remembered.class, COLLECTION);
            boolean abandoned = first != null
                    && !first.answered()
                    && (first.claimed() == null
                            || first.claimed().isBefore(Instant.now().minus(ABANDONED)));
            if (first == null || abandoned || first.at().isBefore(now.minus(KEPT))) {
                mongo.remove(query(where("_id").is(id)), COLLECTION);
                return once(key, operation, request, action);
            }
            if (!first.fingerprint().equals(fingerprint)) {
                throw new KeyReused(key);
            }
            if (!first.answered()) {
                throw new KeyInProgress(key);
            }
            return replay(first);
        }
        ResponseEntity<?> answer;
        try {
            answer = action.get();
        } catch (RuntimeException refused) {
            // nothing was created: the same key may be used again for the corrected request
            mongo.remove(query(where("_id").is(id)), COLLECTION);
            throw refused;
        }
        URI location = answer.getHeaders().getLocation();
        mongo.save(
                new Remembered(
                        id,
                        fingerprint,
                        true,
                        answer.getStatusCode().value(),
                        location == null ? null : location.toString(),
                        answer.getHeaders().getETag(),
                        json.writeValueAsString(answer.getBody()),
                        now,
                        Instant.now()),
                COLLECTION);
        return answer;
    }

    private boolean claim(Remembered pending) {
        try {
            mongo.insert(pending, COLLECTION);
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    private static ResponseEntity<?> replay(Remembered first) {
        var answer = ResponseEntity.status(first.status())
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotent-Replayed", "true");
        if (first.location() != null) {
            answer.header(HttpHeaders.LOCATION, first.location());
        }
        if (first.etag() != null) {
            answer.header(HttpHeaders.ETAG, first.etag());
        }
        return answer.body(first.body());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key was used for a different request: 422. */
    public static class KeyReused extends RuntimeException {
        KeyReused(String key) {
            super("Idempotency-Key '" + key + "' was already used for a different request; nothing was done. Use a"
                    + " new key for a new request.");
        }
    }

    /** The first request with this key is still being handled: 409, try again in a moment. */
    public static class KeyInProgress extends RuntimeException {
        KeyInProgress(String key) {
            super("The first request with Idempotency-Key '" + key + "' is still being handled; nothing was done."
                    + " Send it again in a moment to get its answer.");
        }
    }
}
