package workbook.join;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import workbook.process.JvmProcess;

/**
 * The figures quoted in the lesson, reproducible by an instructor (not a test; it prints a table):
 * <pre>
 * java -cp module-02-join/target/test-classes:module-02-join/target/classes:process-kit/process-library/target/classes \
 *      workbook.join.Measurements [join|append]
 * </pre>
 * {@code join}: five children that sleep 1 s, started then joined, versus joined inside the start loop.
 * {@code append}: many children appending to one file, one write per line versus a BufferedWriter versus
 * two writes per line; counts torn and lost lines.
 */
public final class Measurements {

    private Measurements() {
    }

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "all";
        if (what.equals("join") || what.equals("all")) {
            measureJoin();
        }
        if (what.equals("append") || what.equals("all")) {
            measureAppend();
        }
    }

    private static void measureJoin() throws InterruptedException {
        System.out.println("5 children, each sleeps 1000 ms; wall time of the whole group, 3 runs each");
        for (String way : List.of("start all, then join all", "join inside the start loop")) {
            long[] runs = new long[3];
            for (int r = 0; r < runs.length; r++) {
                List<JvmProcess> group = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    group.add(new JvmProcess("sleeper-" + i, () -> sleep(1000)));
                }
                long start = System.nanoTime();
                for (JvmProcess child : group) {
                    child.start();
                    if (way.startsWith("join inside")) {
                        child.join();
                    }
                }
                for (JvmProcess child : group) {
                    child.join();
                }
                runs[r] = (System.nanoTime() - start) / 1_000_000;
            }
            System.out.printf("  %-28s %s ms%n", way, Arrays.toString(runs));
        }
    }

    private static void measureAppend() throws Exception {
        System.out.println("writers x lines (100-char lines) on one file; torn and lost lines, 3 runs each");
        for (int[] size : new int[][] {{20, 500}, {50, 1000}}) {
            for (Strategy strategy : Strategy.values()) {
                List<String> results = new ArrayList<>();
                for (int r = 0; r < 3; r++) {
                    results.add(runWriters(strategy, size[0], size[1], 100));
                }
                System.out.printf("  %2d x %4d  %-16s %s%n", size[0], size[1], strategy, results);
            }
        }
    }

    private static String runWriters(Strategy strategy, int writers, int lines, int length) throws Exception {
        Path dir = Files.createTempDirectory("measure-append");
        Path file = dir.resolve("shared.log");
        Path signals = Files.createDirectories(dir.resolve("signals"));
        List<JvmProcess> group = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            group.add(new StrategyWriter(strategy, file, signals, w, lines, length));
        }
        for (JvmProcess child : group) {
            child.start();
        }
        while (true) {
            try (var ready = Files.list(signals)) {
                if (ready.count() == writers) {
                    break;
                }
            }
            Thread.sleep(10);
        }
        Files.createFile(signals.resolve("go"));
        for (JvmProcess child : group) {
            child.join();
        }
        List<String> content = Files.readAllLines(file);
        long torn = content.stream().filter(line -> AppendWorker.writerOf(line, length) == null).count();
        long lost = (long) writers * lines - content.stream().filter(line -> AppendWorker.writerOf(line, length) != null).count();
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        return "torn " + torn + ", lost " + lost;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    enum Strategy { ONE_WRITE, BUFFERED_WRITER, TWO_WRITES }

    /** A writer child like {@link AppendWorker}, with a choice of how it writes. */
    static final class StrategyWriter extends JvmProcess {
        private static final long serialVersionUID = 1L;
        private final Strategy strategy;
        private final String file;
        private final String signals;
        private final String writer;
        private final int lines;
        private final int length;

        StrategyWriter(Strategy strategy, Path file, Path signals, int writer, int lines, int length) {
            super(AppendWorker.writerName(writer));
            this.strategy = strategy;
            this.file = file.toString();
            this.signals = signals.toString();
            this.writer = AppendWorker.writerName(writer);
            this.lines = lines;
            this.length = length;
        }

        @Override
        public void run() {
            try {
                Files.createFile(Path.of(signals, "ready-" + writer));
                while (!Files.exists(Path.of(signals, "go"))) {
                    Thread.onSpinWait();
                }
                try (OutputStream out = new FileOutputStream(file, true);
                     Writer buffered = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                    for (int k = 0; k < lines; k++) {
                        String line = AppendWorker.line(writer, k, length);
                        switch (strategy) {
                            case ONE_WRITE -> out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                            case BUFFERED_WRITER -> {
                                buffered.write(line);
                                buffered.write('\n');
                            }
                            case TWO_WRITES -> {
                                out.write(line.getBytes(StandardCharsets.UTF_8));
                                out.write('\n');
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
