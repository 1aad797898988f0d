package com.seriescare.localstore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.nio.file.Path;
import java.util.List;

/**
 * mongo-java-server kept in one H2 file, as ./run-local and the tests run it, with unique indexes that answer every
 * query naming their key. As shipped, the store reads a document through its {@code _id} only when the query names
 * nothing else: {@code {_id: x, status: "PLANNED"}} - the shape of every compare-and-set the services make ("move this
 * text from planned to leased") - read the whole collection, so each such write cost as much as the collection was
 * large. MongoDB uses the {@code _id} index for it; with {@link KeyPinnedIndex} this store does too.
 *
 * <p>What the store still does not have: secondary (non-unique) indexes. It accepts and ignores them, so a query by
 * any other field reads the collection (docs/store-queries.md).
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
                Index<Object> index = super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
                return keys.size() == 1 ? new KeyPinnedIndex<>(index, sparse) : index;
            }
        };
    }
}
