package com.seriescare.localstore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.h2.mvstore.MVMap;

/**
 * A collection that answers a query through the index that narrows it most, as MongoDB's planner would. As shipped,
 * the store took the first index able to answer: {@code {status: 1}} answered {@code {status: "PLANNED", dueAt: {$lte:
 * now}}} with every planned text, though {@code {status: 1, dueAt: 1}} hands over only the due ones.
 */
final class LocalCollection extends H2Collection {

    LocalCollection(
            MongoDatabase database,
            String collectionName,
            CollectionOptions options,
            MVMap<Object, Document> dataMap,
            MVMap<String, Object> metaMap,
            CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    /**
     * The leading {@code $match} of the aggregation running on this thread, and its collection. The store runs a
     * pipeline over every document of the collection and filters in its {@code $match} stage; {@code countDocuments}
     * (and so Spring's {@code exists} and {@code count}) is such a pipeline. The documents handed to it are narrowed
     * here through the index that narrows that match most: the stage still filters, so what it counts is the same.
     */
    private static final ThreadLocal<Map.Entry<String, Document>> AGGREGATION_MATCH = new ThreadLocal<>();

    /** Runs an aggregation of {@code collection} whose first stage is {@code $match: match}. */
    static <T> T aggregatingWith(String collection, Document match, Supplier<T> aggregation) {
        AGGREGATION_MATCH.set(Map.entry(collection, match));
        try {
            return aggregation.get();
        } finally {
            AGGREGATION_MATCH.remove();
        }
    }

    @Override
    protected QueryResult queryDocuments(
            Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        var aggregation = AGGREGATION_MATCH.get();
        if (query.isEmpty() && aggregation != null && aggregation.getKey().equals(getCollectionName())) {
            // the pipeline's own documents (a $lookup's, read later, are another collection's or a query of their own)
            AGGREGATION_MATCH.remove();
            Optional<Index<Object>> narrowing = indexFor(aggregation.getValue());
            if (narrowing.isPresent()) {
                return matchDocuments(
                        query,
                        examined(narrowing.get().getPositions(aggregation.getValue())),
                        orderBy,
                        numberToSkip,
                        limit,
                        batchSize,
                        fieldSelector);
            }
        }
        Optional<Choice> best = narrowest(query, Long.MAX_VALUE);
        // an $in answered value by value, when that hands over fewer than the best index for the whole query does:
        // {status: {$in: [PLANNED, LEASED]}, plan.sessionId: s} is one session's few texts, not every planned one
        Optional<Iterable<Object>> eachValue =
                positionsForEachValue(query, best.map(Choice::candidates).orElse(Long.MAX_VALUE));
        if (eachValue.isPresent()) {
            return matchDocuments(
                    query, examined(eachValue.get()), orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        if (best.isEmpty()) {
            examined.add(count());
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        return matchDocuments(
                query,
                examined(best.get().index().getPositions(query)),
                orderBy,
                numberToSkip,
                limit,
                batchSize,
                fieldSelector);
    }

    /**
     * For {@code {field: {$in: [a, b]}}} (a batch of texts' patients, {@code plan.patientId $in [...]}), the documents an
     * index hands over for {@code field: a} and for {@code field: b}: the collection was read in full for each batch.
     * Empty when some value has no index, or when the values together would hand over more than {@code most} (what the
     * best index for the whole query hands over).
     */
    private Optional<Iterable<Object>> positionsForEachValue(Document query, long most) {
        if (!mentionsIn(query)) {
            return Optional.empty(); // most queries: nothing to copy or look up
        }
        List<Map.Entry<String, Object>> conditions = new ArrayList<>(query.entrySet());
        if (query.get("$and") instanceof List<?> all) {
            all.stream()
                    .filter(Document.class::isInstance)
                    .forEach(one -> conditions.addAll(((Document) one).entrySet()));
        }
        for (var condition : conditions) {
            if (condition.getKey().startsWith("$")
                    || !(condition.getValue() instanceof Document operators)
                    || operators.size() != 1
                    || !(operators.get("$in") instanceof List<?> values)
                    || !values.stream().allMatch(value -> value instanceof String || value instanceof Number)) {
                continue;
            }
            Map<Document, Index<Object>> perValue = new LinkedHashMap<>();
            long candidates = 0;
            for (Object value : values) {
                // the equality first: an index reads the first condition it finds on its key
                Document one = withValue(query, condition.getKey(), value);
                Optional<Choice> choice = narrowest(one, most == Long.MAX_VALUE ? most : most - candidates);
                if (choice.isEmpty()) {
                    return Optional.empty();
                }
                candidates = saturatedSum(candidates, choice.get().candidates());
                perValue.put(one, choice.get().index());
            }
            Set<Object> positions = new LinkedHashSet<>();
            perValue.forEach((one, index) -> index.getPositions(one).forEach(positions::add));
            return Optional.of(positions);
        }
        return Optional.empty();
    }

    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static boolean mentionsIn(Document query) {
        for (var value : query.values()) {
            if (value instanceof Document operators && operators.containsKey("$in")) {
                return true;
            }
            if (value instanceof List<?> all
                    && all.stream().anyMatch(one -> one instanceof Document condition && mentionsIn(condition))) {
                return true;
            }
        }
        return false;
    }

    /** The query with {@code field: value} in place of its condition on the field (at the top or in its $and). */
    private static Document withValue(Document query, String field, Object value) {
        Document one = new Document(field, value);
        query.forEach((key, other) -> {
            if (key.equals("$and") && other instanceof List<?> all) {
                List<Object> rest = new ArrayList<>();
                for (Object element : all) {
                    if (element instanceof Document condition && condition.containsKey(field)) {
                        Document without = new Document(condition);
                        without.remove(field);
                        if (!without.isEmpty()) {
                            rest.add(without);
                        }
                    } else {
                        rest.add(element);
                    }
                }
                if (!rest.isEmpty()) {
                    one.put(key, rest);
                }
            } else if (!key.equals(field)) {
                one.put(key, other);
            }
        });
        return one;
    }

    /** How many documents queries have read, as MongoDB's {@code totalDocsExamined} counts them. */
    long documentsExamined() {
        return examined.sum();
    }

    private final LongAdder examined = new LongAdder();

    private Iterable<Object> examined(Iterable<Object> positions) {
        Collection<Object> all;
        if (positions instanceof Collection<Object> collection) {
            all = collection;
        } else {
            all = new ArrayList<>();
            positions.forEach(all::add);
        }
        examined.add(all.size());
        return all;
    }

    /** The index that narrows the query most; empty when none can answer it (then the collection is read). */
    Optional<Index<Object>> indexFor(Document query) {
        return narrowest(query, Long.MAX_VALUE).map(Choice::index);
    }

    /** An index able to answer a query, and how many documents it hands over for it (at most; MAX when unknown). */
    private record Choice(Index<Object> index, long candidates) {}

    /**
     * Of the indexes that can answer the query, the one that hands over the fewest documents, counted in the index (a
     * unique key's one first); empty when none hands over at most {@code most}. The number of keys a query bounds does
     * not tell which is narrower: {@code {status: 1, dueAt: 1}} and {@code {plan.sessionId: 1}} each bind one key of
     * {@code {status: "PLANNED", plan.sessionId: s}}, and the first hands over every planned text. The likelier
     * narrower are counted first, and each count stops once it passes the fewest so far.
     * An index of a kind that cannot count is taken only when nothing counted is within {@code most}.
     */
    private Optional<Choice> narrowest(Document query, long most) {
        List<Index<Object>> able = getIndexes().stream()
                .filter(index -> index.canHandle(query))
                .sorted(Comparator.comparingInt((Index<Object> index) -> narrowing(index, query))
                        .reversed())
                .toList();
        Choice best = null;
        for (Index<Object> index : able) {
            long bound = best == null ? most : best.candidates();
            long candidates = candidates(index, query, bound);
            if (candidates <= bound && (best == null || candidates < best.candidates())) {
                best = new Choice(index, candidates);
            }
        }
        return Optional.ofNullable(best);
    }

    /** How many documents the index hands over for the query, counted no further than just past {@code enough}. */
    private static long candidates(Index<Object> index, Document query, long enough) {
        if (index instanceof OrderedIndex ordered) {
            return ordered.candidates(query, enough);
        }
        return index.isUnique() ? 1 : Long.MAX_VALUE;
    }

    /** How far an index narrows a query it can answer: a unique key most, then the more keys bound the better. */
    private static int narrowing(Index<Object> index, Document query) {
        if (index instanceof OrderedIndex ordered) {
            return ordered.keysBound(query);
        }
        return index.isUnique() ? Integer.MAX_VALUE : 0;
    }
}
