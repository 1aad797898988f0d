package com.seriescare.localstore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Comparator;
import java.util.Optional;
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

    @Override
    protected QueryResult queryDocuments(
            Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        Optional<Index<Object>> best = indexFor(query);
        if (best.isEmpty()) {
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        return matchDocuments(
                query, best.get().getPositions(query), orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /** The index that narrows the query most; empty when none can answer it (then the collection is read). */
    Optional<Index<Object>> indexFor(Document query) {
        return getIndexes().stream()
                .filter(index -> index.canHandle(query))
                .max(Comparator.comparingInt(index -> narrowing(index, query)));
    }

    /** How far an index narrows a query it can answer: a unique key most, then the more keys bound the better. */
    private static int narrowing(Index<Object> index, Document query) {
        if (index instanceof OrderedIndex ordered) {
            return ordered.keysBound(query);
        }
        return index.isUnique() ? Integer.MAX_VALUE : 0;
    }
}
