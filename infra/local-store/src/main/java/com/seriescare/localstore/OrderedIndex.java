package com.seriescare.localstore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A secondary (non-unique) index, kept in memory and rebuilt from the documents when the store opens: the documents
 * ordered by the index's keys, as MongoDB keeps them. It answers a query that names its first keys with equalities
 * (a string, a number, a date) and the next one with a range ({@code $lt}, {@code $lte}, {@code $gt}, {@code $gte}),
 * at the top level or in a top-level {@code $and}: {@code {status: "PLANNED", dueAt: {$lte: now}}} on
 * {@code {status: 1, dueAt: 1}} hands over the planned texts due by now, however many are planned for later. It only
 * ever hands over candidates: the collection checks the whole query on each, as on any candidate, so the index may
 * hand over more than match but never fewer.
 *
 * <p>A document with an array or a sub-document on one of the keys (where MongoDB's matching of ranges is subtler
 * than an order) is handed over for every query the index answers.
 */
final class OrderedIndex extends Index<Object> {

    private static final String AND = "$and";
    private static final String ID = "_id";
    private static final Comparator<List<Object>> ORDER = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int compared = ValueComparator.asc().compare(a.get(i), b.get(i));
            if (compared != 0) {
                return compared;
            }
        }
        return 0;
    };

    private final List<String> keys;
    private final NavigableMap<List<Object>, Set<Object>> ordered = new TreeMap<>(ORDER);
    private final Map<Object, Set<List<Object>>> entryOf = new HashMap<>();
    /** Whether a document had several places: then two bounds on a key may each be met by another element. */
    private boolean multikey;

    private final Set<Object> alwaysCandidates = new LinkedHashSet<>();

    OrderedIndex(String name, List<IndexKey> keys) {
        // "sparse": it does not say where a document is kept (the _id index does), so removal does not ask it
        super(name, keys, true);
        this.keys = keys.stream().map(IndexKey::getKey).toList();
    }

    /** Whether the store can keep this index: keys of documents' own fields, ascending or descending. */
    static boolean supports(List<IndexKey> keys) {
        return keys.stream().noneMatch(key -> key.getKey().startsWith("$"));
    }

    // --- queries ---

    @Override
    public boolean canHandle(Document query) {
        return bounds(query).isPresent();
    }

    /** How many of its keys the query bounds (equalities, then at most one range); 0 when it cannot answer it. */
    int keysBound(Document query) {
        return bounds(query).map(Bounds::bound).orElse(0);
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        Bounds bounds = bounds(query).orElseThrow();
        // each document once, as MongoDB hands it over, though an array gives it several places in the order (a
        // relay handed one document twice published its events twice)
        Set<Object> positions = new LinkedHashSet<>(alwaysCandidates);
        if (ORDER.compare(bounds.lower(), bounds.upper()) > 0) {
            return positions; // an empty range ($gt 10 and $lt 5)
        }
        for (Set<Object> ids :
                ordered.subMap(bounds.lower(), true, bounds.upper(), true).values()) {
            positions.addAll(ids);
        }
        return positions;
    }

    /**
     * How many documents {@link #getPositions} would hand over for the query (a document with several places counted at
     * each), counted no further than just past {@code enough}: to compare indexes without reading the larger in full.
     */
    long candidates(Document query, long enough) {
        Bounds bounds = bounds(query).orElseThrow();
        long count = alwaysCandidates.size();
        if (ORDER.compare(bounds.lower(), bounds.upper()) > 0) {
            return count;
        }
        for (Set<Object> ids :
                ordered.subMap(bounds.lower(), true, bounds.upper(), true).values()) {
            count += ids.size();
            if (count > enough) {
                break;
            }
        }
        return count;
    }

    private record Bounds(List<Object> lower, List<Object> upper, int bound) {}

    /**
     * The part of the order the query selects: its equalities on the first keys, then its range on the next (the
     * inclusive form of either bound; the collection drops what an exclusive bound leaves out). Empty when the query
     * does not name the first key in a form the order can answer.
     */
    private Optional<Bounds> bounds(Document query) {
        Map<String, Object> conditions = topLevelConditions(query);
        List<Object> lower = new ArrayList<>();
        List<Object> upper = new ArrayList<>();
        for (String key : keys) {
            Object condition = conditions.get(key);
            boolean oneElement = false;
            if (condition == null) {
                condition = inElemMatch(conditions, key);
                oneElement = condition != null;
            }
            if (isOrderable(condition) || condition instanceof Boolean) {
                lower.add(condition);
                upper.add(condition);
                continue;
            }
            Optional<Object[]> range = range(condition);
            if (range.isPresent()) {
                lower.add(range.get()[0]);
                // on an array, {$gt: a, $lt: b} may be met by two elements: then only the lower bound narrows
                boolean bothBounds = !(range.get()[2] instanceof MinKey) && !(range.get()[3] instanceof MaxKey);
                upper.add(multikey && !oneElement && bothBounds ? MaxKey.getInstance() : range.get()[1]);
            }
            break;
        }
        if (lower.isEmpty()) {
            return Optional.empty();
        }
        int bound = lower.size();
        while (lower.size() < keys.size()) {
            lower.add(MinKey.getInstance());
            upper.add(MaxKey.getInstance());
        }
        return Optional.of(new Bounds(lower, upper, bound));
    }

    /** For key {@code a.b}, the condition on {@code b} in {@code {a: {$elemMatch: {b: ...}}}}: met by one element. */
    private static Object inElemMatch(Map<String, Object> conditions, String key) {
        int dot = key.lastIndexOf('.');
        if (dot < 0
                || !(conditions.get(key.substring(0, dot)) instanceof Document array)
                || !(array.get("$elemMatch") instanceof Document element)) {
            return null;
        }
        return element.get(key.substring(dot + 1));
    }

    /** The query's conditions by field, at the top level and in a top-level {@code $and} (the first one wins). */
    private static Map<String, Object> topLevelConditions(Document query) {
        Map<String, Object> conditions = new HashMap<>();
        query.forEach((field, condition) -> {
            if (!field.startsWith("$")) {
                conditions.putIfAbsent(field, condition);
            }
        });
        if (query.get(AND) instanceof List<?> all) {
            for (Object part : all) {
                if (part instanceof Document document) {
                    conditions.putAll(topLevelConditions(document));
                }
            }
        }
        return conditions;
    }

    /** {lower, upper, lower as given, upper as given} of a condition made only of range operators on orderable values; else empty. */
    private static Optional<Object[]> range(Object condition) {
        if (!(condition instanceof Document operators) || operators.isEmpty()) {
            return Optional.empty();
        }
        Object lower = MinKey.getInstance();
        Object upper = MaxKey.getInstance();
        for (var operator : operators.entrySet()) {
            if (!isOrderable(operator.getValue())) {
                return Optional.empty();
            }
            Object value = operator.getValue();
            switch (operator.getKey()) {
                case "$gt", "$gte" -> lower = value;
                case "$lt", "$lte" -> upper = value;
                case "$eq" -> {
                    lower = value;
                    upper = value;
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        Object lowerGiven = lower;
        Object upperGiven = upper;
        // within the bound's type, as MongoDB compares: "$lte: a date" matches dates, not a missing field
        if (lower instanceof MinKey && upper instanceof Instant) {
            lower = Instant.MIN;
        } else if (lower instanceof MinKey && upper instanceof String) {
            lower = "";
        }
        if (upper instanceof MaxKey && lower instanceof Instant) {
            upper = Instant.MAX;
        }
        return Optional.of(new Object[] {lower, upper, lowerGiven, upperGiven});
    }

    /** Values whose order this index keeps as MongoDB's matching does (and booleans, for equality). */
    private static boolean isOrderable(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Instant;
    }

    // --- keeping it up to date ---

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        place(document.get(ID), entries(document));
    }

    private void place(Object id, Optional<Set<List<Object>>> entries) {
        if (entries.isEmpty()) {
            alwaysCandidates.add(id);
            return;
        }
        entryOf.put(id, entries.get());
        for (List<Object> entry : entries.get()) {
            ordered.computeIfAbsent(entry, e -> new HashSet<>()).add(id);
        }
    }

    @Override
    public Object remove(Document document) {
        Object id = document.get(ID);
        alwaysCandidates.remove(id);
        for (List<Object> entry : entryOf.getOrDefault(id, Set.of())) {
            Set<Object> ids = ordered.get(entry);
            if (ids != null) {
                ids.remove(id);
                if (ids.isEmpty()) {
                    ordered.remove(entry);
                }
            }
        }
        entryOf.remove(id);
        return null; // the _id index says where it was kept
    }

    @Override
    public void updateInPlace(
            Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection) {
        Object id = newDocument.get(ID);
        Optional<Set<List<Object>>> entries = entries(newDocument);
        if (entries.isPresent() && entries.get().equals(entryOf.get(id))) {
            // most updates leave this index's keys as they were (a text's status, an outbox entry removed): every
            // index of the collection is told of every update, and moving the document in the order cost the most
            return;
        }
        remove(oldDocument);
        place(id, entries);
    }

    /**
     * The document's places in the order: one, or one per element of an array on the way to a key (as MongoDB's
     * multikey indexes: {@code outbox.writtenAt} has a place per entry of the outbox, and none for an empty one).
     * Empty for one the order cannot place (a sub-document on a key, arrays on two keys).
     */
    private Optional<Set<List<Object>>> entries(Document document) {
        Set<de.bwaldvogel.mongo.backend.KeyValue> values;
        try {
            values = getKeyValues(document);
        } catch (RuntimeException arraysOnTwoKeys) {
            return Optional.empty();
        }
        Set<List<Object>> entries = new HashSet<>();
        for (var value : values) {
            List<Object> entry = new ArrayList<>(keys.size());
            for (Object part : value) {
                if (part instanceof Collection<?> || part instanceof Document) {
                    return Optional.empty();
                }
                entry.add(Missing.isNullOrMissing(part) ? null : part);
            }
            entries.add(entry);
        }
        if (values.size() != 1) {
            multikey = true;
        }
        return Optional.of(entries);
    }

    @Override
    public Object getPosition(Document document) {
        return null; // the _id index says where a document is kept
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // not unique: anything may be added
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // not unique
    }

    @Override
    public long getCount() {
        return entryOf.size() + alwaysCandidates.size();
    }

    @Override
    public boolean isEmpty() {
        return getCount() == 0;
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void drop() {
        multikey = false;
        ordered.clear();
        entryOf.clear();
        alwaysCandidates.clear();
    }
}
