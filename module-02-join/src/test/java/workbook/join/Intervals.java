package workbook.join;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the begin/end events of {@link Napper}s and says which children ran at the same time. */
final class Intervals {

    private Intervals() {
    }

    /** @return how many pairs of children were running at the same moment */
    static int overlappingPairs(List<String> events) {
        Map<String, long[]> spans = new HashMap<>();
        for (String event : events) {
            String[] parts = event.split(" ");
            long[] span = spans.computeIfAbsent(parts[0], name -> new long[2]);
            span[parts[1].equals("begin") ? 0 : 1] = Long.parseLong(parts[2]);
        }
        List<long[]> list = new ArrayList<>(spans.values());
        int pairs = 0;
        for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
                if (list.get(i)[0] < list.get(j)[1] && list.get(j)[0] < list.get(i)[1]) {
                    pairs++;
                }
            }
        }
        return pairs;
    }
}
