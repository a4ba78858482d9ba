package io.koubei.analysis.model;

/** Hashed features of one text: sorted-free parallel arrays, duplicates already merged. */
public record SparseVector(int[] index, float[] value) {
    public int size() {
        return index.length;
    }
}
