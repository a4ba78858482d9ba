package io.koubei.core.store;

/** How a batch landed: new ids and ids that replaced an existing item. */
public record UpsertResult(int created, int updated) {
    public static final UpsertResult EMPTY = new UpsertResult(0, 0);

    public UpsertResult plus(UpsertResult o) {
        return new UpsertResult(created + o.created, updated + o.updated);
    }

    public int total() {
        return created + updated;
    }
}
