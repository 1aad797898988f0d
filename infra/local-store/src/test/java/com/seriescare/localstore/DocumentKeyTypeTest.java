package com.seriescare.localstore;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/**
 * H2's default key type keeps the type it used last in a field every thread shares: a comparison of two ObjectIds
 * that met another thread writing a string page (the store's background writer) found two types and threw "Can not
 * compare". An insert into a collection keyed by ObjectIds failed so, now and then (a CI run of this module did).
 */
class DocumentKeyTypeTest {

    @Test
    void twoObjectIdsCompareWhateverAnotherThreadSerializes() throws Exception {
        assertThat(failureUnderRace(new DocumentKeyType())).isNull();
    }

    @Test
    void theSameOrderAsH2sOwnForEachKindOfKey() {
        var ours = new DocumentKeyType();
        var h2s = new ObjectDataType();
        ObjectId first = new ObjectId();
        ObjectId second = new ObjectId();
        Object[][] pairs = {
            {first, second},
            {second, first},
            {"due-0", "due-1"},
            {"b", "a"},
            {1L, 2L},
            {"a", first},
            {first, "a"},
            {3, "3"},
            {java.util.UUID.randomUUID(), java.util.UUID.randomUUID()}
        };
        for (Object[] pair : pairs) {
            assertThat(Integer.signum(ours.compare(pair[0], pair[1])))
                    .as("%s vs %s", pair[0], pair[1])
                    .isEqualTo(Integer.signum(h2s.compare(pair[0], pair[1])));
        }
    }

    /** Compares ObjectIds in one thread while another serializes strings; the first failure, if any, in 2 s. */
    static Throwable failureUnderRace(DataType<Object> keys) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = Thread.ofPlatform().start(() -> {
            WriteBuffer buffer = new WriteBuffer();
            while (running.get()) {
                buffer.clear();
                keys.write(buffer, "a string key");
                keys.write(buffer, new ObjectId());
            }
        });
        ObjectId a = new ObjectId();
        ObjectId b = new ObjectId();
        long until = System.nanoTime() + 2_000_000_000L;
        try {
            while (System.nanoTime() < until && failure.get() == null) {
                try {
                    keys.compare(a, b);
                } catch (RuntimeException e) {
                    failure.set(e);
                }
            }
        } finally {
            running.set(false);
            writer.join();
        }
        return failure.get();
    }
}
