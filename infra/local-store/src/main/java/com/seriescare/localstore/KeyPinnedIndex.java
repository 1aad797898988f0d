package com.seriescare.localstore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import java.util.List;
import java.util.Optional;

/**
 * A unique index on one key that also answers queries naming that key among other conditions, at the top level or in
 * a top-level {@code $and}: it hands over the documents the key selects (one, or one per value of an {@code $in}), and
 * the collection checks the rest of the query on them as it does on any candidate. Everything else is the wrapped
 * index's.
 */
final class KeyPinnedIndex<P> extends Index<P> {

    private static final String AND = "$and";

    private final Index<P> index;
    private final String key;

    KeyPinnedIndex(Index<P> index, boolean sparse) {
        super(index.getName(), index.getKeys(), sparse);
        this.index = index;
        this.key = index.getKeys().getFirst().getKey();
    }

    @Override
    public boolean canHandle(Document query) {
        return index.canHandle(query) || pinned(query).isPresent();
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        if (index.canHandle(query)) {
            return index.getPositions(query);
        }
        return index.getPositions(pinned(query).orElseThrow());
    }

    /** The query's condition on the key alone, when the wrapped index can answer that and the query narrows it. */
    private Optional<Document> pinned(Document query) {
        if (query.containsKey(key)) {
            return answerable(new Document(key, query.get(key)));
        }
        if (query.get(AND) instanceof List<?> all) {
            for (Object part : all) {
                if (part instanceof Document condition && condition.containsKey(key)) {
                    Optional<Document> found = answerable(new Document(key, condition.get(key)));
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Document> answerable(Document keyOnly) {
        return index.canHandle(keyOnly) ? Optional.of(keyOnly) : Optional.empty();
    }

    @Override
    public P getPosition(Document document) {
        return index.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        index.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        index.add(document, position, collection);
    }

    @Override
    public P remove(Document document) {
        return index.remove(document);
    }

    @Override
    public long getCount() {
        return index.getCount();
    }

    @Override
    public boolean isEmpty() {
        return index.isEmpty();
    }

    @Override
    public long getDataSize() {
        return index.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        index.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
            throws KeyConstraintError {
        index.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public void drop() {
        index.drop();
    }

    @Override
    public boolean isUnique() {
        return index.isUnique();
    }

    @Override
    public boolean hasSameOptions(Index<?> other) {
        return index.hasSameOptions(other instanceof KeyPinnedIndex<?> pinned ? pinned.index : other);
    }

    @Override
    public Document toIndexDescription() {
        return index.toIndexDescription();
    }

    @Override
    public String toString() {
        return index.toString();
    }
}
