package workbook.join;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.awaitility.Awaitility;
import workbook.process.JvmProcess;

/** Runs {@link AppendWorker}s on one file, all released at once, and checks what they left. */
final class SharedFile {

    private SharedFile() {
    }

    static void appendConcurrently(Path dir, int writers, int lines, int lineLength, List<JvmProcess> track) throws Exception {
        Path file = dir.resolve("shared.log");
        // Fail fast, in this JVM, if LineAppender cannot even open a file: no need to start 20 children to learn that.
        new LineAppender(dir.resolve("smoke-test.log")).close();
        Files.delete(dir.resolve("smoke-test.log"));
        Path signals = Files.createDirectories(dir.resolve("signals"));
        List<AppendWorker> workers = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            workers.add(new AppendWorker(file, signals, w, lines, lineLength));
        }
        track.addAll(workers);
        for (AppendWorker worker : workers) {
            worker.start();
        }
        Awaitility.await("all " + writers + " writers ready").atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    try (var ready = Files.list(signals)) {
                        return ready.count() == writers;
                    }
                });
        Files.createFile(signals.resolve("go"));
        for (AppendWorker worker : workers) {
            assertThat(worker.join(Duration.ofSeconds(40))).as("writer %s ended within 40 s", worker.name()).isTrue();
            assertThat(worker.exitStatus()).as("writer %s", worker.name()).hasValueSatisfying(
                    status -> assertThat(status.isSuccess()).as("writer %s %s", worker.name(), status).isTrue());
        }
        checkWholeLines(file, writers, lines, lineLength);
    }

    /** Exactly writers × lines lines, each a whole line of one writer, each writer's line k exactly once. */
    static void checkWholeLines(Path file, int writers, int lines, int lineLength) throws Exception {
        List<String> content = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> torn = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> twice = new ArrayList<>();
        for (String line : content) {
            String id = AppendWorker.writerOf(line, lineLength);
            if (id == null) {
                torn.add(line.length() > 80 ? line.substring(0, 80) + "... (" + line.length() + " chars)" : line);
            } else if (!seen.add(id)) {
                twice.add(id);
            }
        }
        assertThat(torn).as("%d of %d lines are torn (not exactly one writer's whole line), for example %s",
                torn.size(), content.size(), torn.stream().limit(3).toList()).isEmpty();
        assertThat(twice).as("many processes appending at the same time: no line is written twice").isEmpty();
        assertThat(content).as("%d writers × %d lines must leave exactly %d lines; %d were lost",
                writers, lines, writers * lines, writers * lines - content.size()).hasSize(writers * lines);
    }
}
