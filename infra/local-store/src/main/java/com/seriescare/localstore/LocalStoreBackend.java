package com.seriescare.localstore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.util.List;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server kept in one H2 file, as ./run-local and the tests run it, with unique indexes that answer every
 * query naming their key. As shipped, the store reads a document through its {@code _id} only when the query names
 * nothing else: {@code {_id: x, status: "PLANNED"}} - the shape of every compare-and-set the services make ("move this
 * text from planned to leased") - read the whole collection, so each such write cost as much as the collection was
 * large. MongoDB uses the {@code _id} index for it; with {@link KeyPinnedIndex} this store does too.
 *
 * <p>As shipped, the store also accepted and ignored secondary (non-unique) indexes, so a query by any other field
 * read the whole collection: the search for due texts cost as much as the weeks of texts planned ahead. Here they are
 * {@link OrderedIndex}es, kept in memory and rebuilt when the store opens (docs/store-queries.md). Unique indexes are
 * kept in memory too ({@link InMemoryUniqueIndex}): the documents stay in the H2 file, the indexes are rebuilt from
 * them.
 */
public final class LocalStoreBackend extends H2Backend {

    public LocalStoreBackend(Path file) {
        super(file.toAbsolutePath().toString());
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {
            @Override
            protected Index<Object> openOrCreateUniqueIndex(
                    String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
                Index<Object> index = new InMemoryUniqueIndex(indexName, keys, sparse);
                return keys.size() == 1 ? new KeyPinnedIndex<>(index, sparse) : index;
            }

            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                // the maps H2Database keeps a collection in (its names, repeated as they are not public)
                String fullName = getFullCollectionNamespace(collectionName);
                MVMap<Object, de.bwaldvogel.mongo.bson.Document> dataMap = getMvStore()
                        .openMap(
                                "databases." + fullName,
                                new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>()
                                        .keyType(new DocumentKeyType()));
                MVMap<String, Object> metaMap = getMvStore().openMap("meta." + fullName);
                return new LocalCollection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
            }

            @Override
            public de.bwaldvogel.mongo.bson.Document handleCommand(
                    Channel channel,
                    String command,
                    de.bwaldvogel.mongo.bson.Document query,
                    DatabaseResolver databaseResolver,
                    Oplog oplog) {
                if (command.equalsIgnoreCase("aggregate")
                        && query.get("aggregate") instanceof String collection
                        && query.get("pipeline") instanceof List<?> pipeline
                        && !pipeline.isEmpty()
                        && pipeline.getFirst() instanceof de.bwaldvogel.mongo.bson.Document first
                        && first.get("$match") instanceof de.bwaldvogel.mongo.bson.Document match) {
                    return LocalCollection.aggregatingWith(
                            collection,
                            match,
                            () -> super.handleCommand(channel, command, query, databaseResolver, oplog));
                }
                return super.handleCommand(channel, command, query, databaseResolver, oplog);
            }

            @Override
            protected Index<Object> openOrCreateSecondaryIndex(
                    String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
                return OrderedIndex.supports(keys)
                        ? new OrderedIndex(indexName, keys)
                        : super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
            }
        };
    }
}
