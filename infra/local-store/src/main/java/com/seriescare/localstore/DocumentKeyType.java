package com.seriescare.localstore;

import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of a collection's documents (their {@code _id}) in the store's maps: H2's own, written and read the
 * same way and in the same order, but two keys of one class are compared directly. H2's keeps the type it used last
 * in a field every thread shares, so two ObjectIds compared while the background writer serialized another type were
 * found to be of two types, and the comparison threw "Can not compare" (an insert failed now and then). Keys of
 * different classes, rare in one collection, take H2's path.
 */
final class DocumentKeyType extends ObjectDataType {

    @Override
    @SuppressWarnings("unchecked")
    public int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a.getClass() == b.getClass() && a instanceof Comparable) {
            return ((Comparable<Object>) a).compareTo(b);
        }
        return super.compare(a, b);
    }
}
