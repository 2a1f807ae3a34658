package workbook.grading;

import java.util.ArrayList;
import java.util.List;

/**
 * One of N deterministic shares of a class, so that N machines can grade a class together
 * ({@code bin/grade --class DIR OUT --shard I/N}).
 *
 * <p>The rule: the class folder's entries sorted by name (as {@code bin/grade --class} always sorts them,
 * byte order on Linux), and entry {@code k} (from 0) goes to shard {@code k mod N + 1}. Every machine
 * computes the same split from the same folder without talking to the others, round-robin spreads
 * the submissions evenly (the shares differ by at most one), and {@code bin/gradebook merge} puts the
 * rows back in the order of one run by each entry's position {@code k}, which every shard records.
 *
 * @param index which share, from 1
 * @param count how many shares
 */
record Shard(int index, int count) {

    /** The whole class: one share. */
    static final Shard ALL = new Shard(1, 1);

    Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("--shard must be I/N with 1 <= I <= N, got " + index + "/" + count);
        }
    }

    /** @return the shard written as {@code I/N} */
    static Shard parse(String text) {
        String[] parts = text.strip().split("/", -1);
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            return new Shard(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard must be I/N, such as 2/5, got '" + text + "'");
        }
    }

    /** @return whether the class's entry at position {@code k} (from 0, in sorted order) is in this share */
    boolean holds(int k) {
        return k % count == index - 1;
    }

    /** @return the positions (from 0) of this share's entries in a class of {@code size} entries */
    List<Integer> positions(int size) {
        List<Integer> mine = new ArrayList<>();
        for (int k = 0; k < size; k++) {
            if (holds(k)) {
                mine.add(k);
            }
        }
        return mine;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
