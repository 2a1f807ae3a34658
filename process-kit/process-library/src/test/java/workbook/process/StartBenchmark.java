package workbook.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long a child JVM takes to start and end, side by side: a bare {@code java} started with
 * {@link ProcessBuilder}, the same with the lean options, and a {@link JvmProcess} with a lambda target and
 * with a subclass. Run by {@code bin/bench-start}, which runs it on each JDK it finds; the README's
 * performance section quotes its figures. The variants take turns in every round, so that a change in the
 * machine's load hits them all alike; the table gives medians and each one's ratio to the bare start.
 *
 * <p>Given a folder as well ({@code bin/bench-start --archive}), it also measures a candidate not built into
 * {@link JvmProcess}: a static CDS archive of the JDK classes a child loads. It records the classes one child
 * loads ({@code -XX:DumpLoadedClassList}), dumps them into an archive in that folder ({@code -Xshare:dump}),
 * and adds the two {@code JvmProcess} variants again, their children started with that archive.
 *
 * <pre>
 * java -cp process-kit/process-library/target/test-classes:process-kit/process-library/target/classes \
 *      workbook.process.StartBenchmark 20 [ARCHIVE_FOLDER]
 * </pre>
 */
public final class StartBenchmark {

    /** The child of the bare starts: a class whose {@code main} does nothing. */
    public static final class EmptyMain {
        public static void main(String[] args) {
        }
    }

    /** The subclass variant (no target: its {@code run()} does nothing), or a lambda target; both with extra JVM options. */
    static final class WithOptions extends JvmProcess {
        private static final long serialVersionUID = 1L;
        private final List<String> extra;
        private final boolean subclass;

        WithOptions(List<String> extra, Task target) {
            super("with-options", target);
            this.extra = List.copyOf(extra);
            this.subclass = target == null;
        }

        @Override
        protected List<String> jvmOptions() {
            List<String> options = new ArrayList<>(super.jvmOptions());
            options.addAll(extra);
            return options;
        }

        @Override
        public void run() {
            if (!subclass) {
                super.run();
            }
        }
    }

    private interface Start {
        void once() throws Exception;
    }

    private StartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Map<String, Start> variants = new LinkedHashMap<>();
        variants.put("bare java (ProcessBuilder, default options)", () -> bare(List.of()));
        variants.put("bare java with JvmProcess's lean options", () -> bare(JavaCommand.LEAN_JVM_OPTIONS));
        variants.put("JvmProcess, lambda target: start()+join()", () -> startAndJoin(new JvmProcess(() -> { })));
        variants.put("JvmProcess, subclass: start()+join()", () -> startAndJoin(new WithOptions(List.of(), null)));
        if (args.length > 1) {
            List<String> archive = List.of("-XX:SharedArchiveFile=" + dumpArchive(Path.of(args[1])), "-Xshare:auto");
            variants.put("JvmProcess, lambda, CDS archive of its JDK classes", () -> startAndJoin(new WithOptions(archive, () -> { })));
            variants.put("JvmProcess, subclass, CDS archive of its JDK classes", () -> startAndJoin(new WithOptions(archive, null)));
        }
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        variants.keySet().forEach(k -> millis.put(k, new ArrayList<>()));
        for (Start warmUp : variants.values()) {
            warmUp.once(); // the first start of each pays for loading the parent's own classes
        }
        for (int round = 0; round < runs; round++) {
            for (Map.Entry<String, Start> v : variants.entrySet()) {
                long start = System.nanoTime();
                v.getValue().once();
                millis.get(v.getKey()).add((System.nanoTime() - start) / 1e6);
            }
        }
        double bare = median(millis.values().iterator().next());
        System.out.printf("JDK %s, %d runs each, medians:%n", Runtime.version(), runs);
        for (Map.Entry<String, List<Double>> m : millis.entrySet()) {
            double median = median(m.getValue());
            System.out.printf("  %-54s %7.1f ms  %5.2fx%n", m.getKey(), median, median / bare);
        }
    }

    private static void startAndJoin(JvmProcess p) throws InterruptedException {
        p.start();
        p.join();
        if (!p.exitStatus().orElseThrow().isSuccess()) {
            throw new IllegalStateException(p + " failed: " + p.exitStatus().orElseThrow());
        }
    }

    /**
     * Records the classes a lambda child loads, then dumps the JDK's among them into a static CDS archive
     * (the workbook's own classes come from folders, which JDK 17 cannot archive; they are skipped).
     *
     * @return the archive
     */
    private static Path dumpArchive(Path folder) throws Exception {
        Files.createDirectories(folder);
        Path classList = folder.resolve("child.classlist");
        Path archive = folder.resolve("child.jsa");
        startAndJoin(new WithOptions(List.of("-XX:DumpLoadedClassList=" + classList), () -> { }));
        List<String> dump = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        dump.addAll(JavaCommand.LEAN_JVM_OPTIONS.stream().filter(o -> o.contains("GC")).toList()); // the children's collector
        dump.addAll(List.of("-Xshare:dump", "-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + archive));
        Process p = new ProcessBuilder(dump).redirectErrorStream(true).redirectOutput(folder.resolve("dump.log").toFile()).start();
        if (p.waitFor() != 0 || !Files.isRegularFile(archive)) {
            throw new IllegalStateException("the archive could not be dumped; see " + folder.resolve("dump.log"));
        }
        return archive;
    }

    private static void bare(List<String> options) throws Exception {
        List<String> command = JavaCommand.forClass(EmptyMain.class, options, List.of());
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("the bare child failed: " + command);
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
