package com.seriescare.servicesupport.throttle;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Bucket4j's buckets kept in the service's store, so every replica spends from one allowance: with buckets in each
 * instance, two replicas behind a load balancer let a guesser try twice as often. Each bucket is one document (its
 * state as Bucket4j writes it, and a version); a change is written only if nobody changed the bucket since it was read
 * (Bucket4j reads again and retries otherwise). A bucket is removed once it would be full again (TTL index on real
 * MongoDB; a full bucket and a missing one allow the same).
 */
public final class StoredBuckets extends SynchronousBuckets {

    static final String COLLECTION = "throttle_buckets";

    private final MongoTemplate mongo;

    public StoredBuckets(MongoTemplate mongo) {
        super(ClientSideConfig.getDefault()
                .withExpirationAfterWriteStrategy(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO)));
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {
            private Long version;

            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                Document stored = mongo.findById(key, Document.class, COLLECTION);
                if (stored == null) {
                    version = null;
                    return Optional.empty();
                }
                version = ((Number) stored.get("version")).longValue();
                return Optional.of(bytes(stored.get("state")));
            }

            @Override
            public boolean compareAndSwap(
                    byte[] originalData, byte[] newData, RemoteBucketState newState, Optional<Long> timeoutNanos) {
                Date expiresAt = expiresAt(newState);
                if (version == null) {
                    try {
                        mongo.insert(
                                new Document("_id", key)
                                        .append("state", new Binary(newData))
                                        .append("version", 0L)
                                        .append("expiresAt", expiresAt),
                                COLLECTION);
                        return true;
                    } catch (DuplicateKeyException anotherReplicaWasFirst) {
                        return false;
                    }
                }
                return mongo.updateFirst(
                                        query(where("_id")
                                                .is(key)
                                                .and("version")
                                                .is(version)),
                                        new Update()
                                                .set("state", new Binary(newData))
                                                .set("version", version + 1)
                                                .set("expiresAt", expiresAt),
                                        COLLECTION)
                                .getModifiedCount()
                        == 1;
            }
        };
    }

    private Date expiresAt(RemoteBucketState state) {
        long millis = getClientSideConfig()
                .getExpirationAfterWriteStrategy()
                .orElseThrow()
                .calculateTimeToLiveMillis(state, currentTimeNanos());
        return Date.from(Instant.now().plusMillis(Math.max(0, millis)));
    }

    private static byte[] bytes(Object state) {
        return state instanceof Binary binary ? binary.getData() : (byte[]) state;
    }

    @Override
    public void removeProxy(String key) {
        mongo.remove(query(where("_id").is(key)), COLLECTION);
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }
}
