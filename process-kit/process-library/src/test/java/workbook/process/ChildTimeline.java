package workbook.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a child's start-up time goes, read from the child JVM's own class-loading log
 * ({@code -Xlog:class+load} with the JVM's uptime on every line). Run by {@code bin/bench-start --where}.
 *
 * <p>For a bare {@code java} and for a {@link JvmProcess} with a lambda target and with a subclass, it runs a
 * few children and prints medians of the moments a child reaches (its main class loaded: the JVM itself has
 * started; {@code ObjectInputStream} loaded; the carried object's first class loaded: the object has been
 * read; {@code java.lang.Shutdown} loaded: the JVM is ending), what the parent spent in {@code start()} and in
 * {@code start()} + {@code join()}, and how many classes the child loaded from where: the CDS archive (cheap),
 * the JDK's modules image (parsed and verified at run time), the class path, or generated at run time (lambda
 * classes and the like). The difference between a bare child and a {@code JvmProcess} child is the work that
 * {@code JvmProcess} adds; these lines say which part of it costs what.
 *
 * <p>Both {@code JvmProcess} variants are subclasses here (they must add the logging option to the child's
 * command); the lambda variant carries a lambda target as well, so that its deserialization is measured.
 *
 * <pre>
 * java -cp process-kit/process-library/target/test-classes:process-kit/process-library/target/classes \
 *      workbook.process.ChildTimeline 10
 * </pre>
 */
public final class ChildTimeline {

    /** One line of {@code -Xlog:class+load:file=...:uptime}: {@code [0.034s] a.Class source: where}. */
    private static final Pattern LOG_LINE = Pattern.compile("^\\[(\\d+\\.\\d+)s\\] (\\S+) source: (.*)$");

    private static final List<String> SOURCES = List.of("CDS archive", "JDK image", "class path", "generated");

    /** A {@link JvmProcess} whose child writes its class-loading log to a file. */
    static class Traced extends JvmProcess {
        private static final long serialVersionUID = 1L;
        private final String log;

        Traced(Path log, Task target) {
            super("traced", target);
            this.log = log.toString();
        }

        Traced(Path log) {
            super("traced");
            this.log = log.toString();
        }

        @Override
        protected List<String> jvmOptions() {
            List<String> options = new ArrayList<>(super.jvmOptions());
            options.add(logOption(Path.of(log)));
            return options;
        }
    }

    /** The subclass variant: {@code run()} does nothing. */
    static final class TracedNoop extends Traced {
        private static final long serialVersionUID = 1L;

        TracedNoop(Path log) {
            super(log);
        }

        @Override
        public void run() {
        }
    }

    /** What one child's log and the parent's clock said. */
    private record Run(Map<String, Double> moments, Map<String, Integer> classes) {
    }

    private interface Variant {
        /** Starts one child that logs to {@code log}, waits for it, and returns the parent's times in ms. */
        Map<String, Double> once(Path log) throws Exception;
    }

    private ChildTimeline() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Map<String, Variant> variants = new LinkedHashMap<>();
        variants.put("bare java", ChildTimeline::bare);
        variants.put("JvmProcess lambda", log -> timed(new Traced(log, () -> { })));
        variants.put("JvmProcess subclass", log -> timed(new TracedNoop(log)));
        Path dir = Files.createTempDirectory("child-timeline-");
        Map<String, List<Run>> results = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Variant> v : variants.entrySet()) {
                v.getValue().once(dir.resolve("warm-up.log")); // the parent's own classes load here, not in a measured run
            }
            variants.keySet().forEach(k -> results.put(k, new ArrayList<>()));
            for (int round = 0; round < runs; round++) {
                for (Map.Entry<String, Variant> v : variants.entrySet()) {
                    Path log = dir.resolve("child-" + round + "-" + results.get(v.getKey()).size() + "-" + v.getKey().hashCode() + ".log");
                    Map<String, Double> parent = v.getValue().once(log);
                    results.get(v.getKey()).add(read(log, parent));
                }
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
        print(results, runs);
    }

    private static String logOption(Path log) {
        return "-Xlog:class+load:file=" + log + ":uptime";
    }

    private static Map<String, Double> bare(Path log) throws Exception {
        List<String> options = new ArrayList<>(JavaCommand.LEAN_JVM_OPTIONS);
        options.add(logOption(log));
        List<String> command = JavaCommand.forClass(StartBenchmark.EmptyMain.class, options, List.of());
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).inheritIO().start();
        double started = (System.nanoTime() - start) / 1e6;
        if (p.waitFor() != 0) {
            throw new IllegalStateException("the bare child failed: " + command);
        }
        return Map.of("parent: start() returned", started, "parent: start() + join()", (System.nanoTime() - start) / 1e6);
    }

    private static Map<String, Double> timed(JvmProcess child) throws InterruptedException {
        long start = System.nanoTime();
        child.start();
        double started = (System.nanoTime() - start) / 1e6;
        child.join();
        if (!child.exitStatus().orElseThrow().isSuccess()) {
            throw new IllegalStateException("the child failed: " + child.exitStatus().orElseThrow());
        }
        return Map.of("parent: start() returned", started, "parent: start() + join()", (System.nanoTime() - start) / 1e6);
    }

    /** Reads one child's log: the uptime (ms) of each moment it reached, and its classes by source. */
    private static Run read(Path log, Map<String, Double> parent) throws IOException {
        Map<String, Double> moments = new LinkedHashMap<>();
        Map<String, Integer> classes = new LinkedHashMap<>();
        SOURCES.forEach(s -> classes.put(s, 0));
        for (String line : Files.readAllLines(log)) {
            Matcher m = LOG_LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            double ms = Double.parseDouble(m.group(1)) * 1000;
            String name = m.group(2);
            String source = m.group(3);
            if (name.equals(ChildMain.class.getName()) || name.equals(StartBenchmark.EmptyMain.class.getName())) {
                moments.putIfAbsent("child: main class loaded (the JVM has started)", ms);
            } else if (name.equals("java.io.ObjectInputStream")) {
                moments.putIfAbsent("child: ObjectInputStream loaded", ms);
            } else if (name.equals(JvmProcess.class.getName())) {
                moments.putIfAbsent("child: the object's first class loaded", ms);
            } else if (name.equals("java.lang.Shutdown")) {
                moments.putIfAbsent("child: shutdown begins", ms);
            }
            classes.merge(source.startsWith("shared objects file") ? "CDS archive"
                    : source.startsWith("jrt:/") ? "JDK image"
                    : source.startsWith("file:") ? "class path" : "generated", 1, Integer::sum);
        }
        moments.putAll(parent);
        return new Run(moments, classes);
    }

    private static void print(Map<String, List<Run>> results, int runs) {
        List<String> moments = List.of("child: main class loaded (the JVM has started)", "child: ObjectInputStream loaded",
                "child: the object's first class loaded", "child: shutdown begins",
                "parent: start() returned", "parent: start() + join()");
        System.out.printf("JDK %s, %d children each, medians in ms (child: its own uptime; parent: its clock):%n",
                Runtime.version(), runs);
        System.out.printf("  %-48s", "");
        results.keySet().forEach(k -> System.out.printf(" %20s", k));
        System.out.println();
        for (String moment : moments) {
            System.out.printf("  %-48s", moment);
            for (List<Run> r : results.values()) {
                OptionalDouble median = median(r, run -> run.moments().get(moment));
                System.out.printf(" %20s", median.isPresent() ? String.format("%.1f", median.getAsDouble()) : "-");
            }
            System.out.println();
        }
        for (String source : SOURCES) {
            System.out.printf("  %-48s", "classes loaded from: " + source);
            for (List<Run> r : results.values()) {
                System.out.printf(" %20.0f", median(r, run -> run.classes().get(source).doubleValue()).orElse(0));
            }
            System.out.println();
        }
    }

    private static OptionalDouble median(List<Run> runs, Function<Run, Double> value) {
        List<Double> values = new ArrayList<>();
        for (Run run : runs) {
            Double v = value.apply(run);
            if (v != null) {
                values.add(v);
            }
        }
        return values.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(StartBenchmark.median(values));
    }
}
