package com.seriescare.servicesupport.retention;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What a service keeps, and for how long: each rule names a collection, the date field that ages its documents, and
 * how long they are kept after it ({@code seriescare.retention.rules}); a daily sweep removes what is older. A purge
 * rather than TTL indexes: a TTL index cannot express a period in years and months, and the local store has none. The
 * audit trail has its own rule ({@code seriescare.audit.retention}). docs/operations.md lists every collection's.
 */
public class Retention {

    /**
     * @param collection the collection
     * @param field the date field documents age by (a dotted path for an embedded field)
     * @param keep how long a document is kept after that date (ISO-8601 period, e.g. {@code P6Y}, {@code P30D})
     */
    public record Rule(String collection, String field, Period keep) {}

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final List<Rule> rules;

    public Retention(MongoTemplate mongo, Clock clock, List<Rule> rules) {
        this.mongo = mongo;
        this.clock = clock;
        this.rules = List.copyOf(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Removes what each rule no longer keeps; returns how many documents went, by collection. */
    public Map<String, Long> forgetExpired() {
        Map<String, Long> removed = new LinkedHashMap<>();
        for (Rule rule : rules) {
            Instant before =
                    clock.instant().atOffset(ZoneOffset.UTC).minus(rule.keep()).toInstant();
            long count = mongo.remove(query(where(rule.field()).lt(before)), rule.collection())
                    .getDeletedCount();
            removed.merge(rule.collection(), count, Long::sum);
            if (count > 0) {
                log.info("Retention: {} {} older than {} removed", count, rule.collection(), rule.keep());
            }
        }
        return removed;
    }
}
