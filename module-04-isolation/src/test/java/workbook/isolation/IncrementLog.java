package workbook.isolation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The log {@link TestCounterUpdates} keeps: which process made each increment, and when (epoch millis). */
record IncrementLog(List<Entry> entries) {

    record Entry(long pid, long millis) {
    }

    /** The first and last increment of one process. */
    record Span(long pid, long first, long last) {
        boolean overlaps(Span other) {
            return first <= other.last && other.first <= last;
        }
    }

    static IncrementLog read(Path log) throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (Files.exists(log)) {
            for (String line : Files.readAllLines(log)) {
                String[] fields = line.split(" ");
                entries.add(new Entry(Long.parseLong(fields[0]), Long.parseLong(fields[1])));
            }
        }
        return new IncrementLog(entries);
    }

    Map<Long, Integer> countsByPid() {
        Map<Long, Integer> counts = new TreeMap<>();
        entries.forEach(e -> counts.merge(e.pid(), 1, Integer::sum));
        return counts;
    }

    List<Span> spans() {
        Map<Long, Span> spans = new TreeMap<>();
        for (Entry e : entries) {
            spans.merge(e.pid(), new Span(e.pid(), e.millis(), e.millis()),
                    (a, b) -> new Span(a.pid(), Math.min(a.first(), b.first()), Math.max(a.last(), b.last())));
        }
        return new ArrayList<>(spans.values());
    }
}
