package workbook.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import workbook.process.JvmProcess;

/**
 * A test-side child that increments a counter file with {@link FileCounter#incrementLocked(Path)} as fast as
 * it can. All hammers wait at a start gate (a file the test creates once every hammer is ready), so that
 * they really collide instead of running one after the other as their JVMs finish starting.
 */
final class CounterHammer extends JvmProcess {
    private static final long serialVersionUID = 1L;
    private static final Duration GATE_TIMEOUT = Duration.ofSeconds(30);

    private final String counterFile;
    private final String gateDir;
    private final int index;
    private final int increments;

    private CounterHammer(Path counterFile, Path gateDir, int index, int increments) {
        super("hammer-" + index);
        this.counterFile = counterFile.toString();
        this.gateDir = gateDir.toString();
        this.index = index;
        this.increments = increments;
    }

    @Override
    public void run() {
        try {
            Path gate = Path.of(gateDir);
            Files.createFile(gate.resolve("ready-" + index));
            long deadline = System.nanoTime() + GATE_TIMEOUT.toNanos();
            while (!Files.exists(gate.resolve("go"))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the start gate never opened");
                }
                Thread.sleep(1);
            }
            for (int i = 0; i < increments; i++) {
                FileCounter.incrementLocked(Path.of(counterFile));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts {@code processes} hammers, opens the gate when all are ready, waits for all of them and
     * returns the counter's final value.
     */
    static long hammer(Path counterFile, Path workDir, int processes, int increments) throws IOException, InterruptedException {
        Path gate = Files.createDirectories(workDir.resolve("gate-" + System.nanoTime()));
        List<CounterHammer> hammers = new ArrayList<>();
        try {
            for (int i = 0; i < processes; i++) {
                CounterHammer hammer = new CounterHammer(counterFile, gate, i, increments);
                hammer.captureOutput();
                hammer.start();
                hammers.add(hammer);
            }
            await("all " + processes + " hammers ready at the start gate").atMost(Duration.ofSeconds(40))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> countReady(gate) == processes || hammers.stream().anyMatch(h -> !h.isAlive()));
            Files.createFile(gate.resolve("go"));
            for (CounterHammer hammer : hammers) {
                assertThat(hammer.join(Duration.ofSeconds(40))).as("%s ended within 40 s", hammer).isTrue();
                assertThat(hammer.exitStatus().orElseThrow().isSuccess())
                        .as("%s, which called FileCounter.incrementLocked %d times while other processes did the same;"
                                + " if it found digits mixed with garbage in the counter file, two processes wrote at once:"
                                + " the lock must be held from before the read until after the write. It wrote on standard"
                                + " error:%n%s", hammer, increments, hammer.errorOutput())
                        .isTrue();
            }
        } finally {
            for (CounterHammer hammer : hammers) {
                if (hammer.isAlive()) {
                    hammer.kill();
                    hammer.join(Duration.ofSeconds(10));
                }
            }
        }
        return FileCounter.read(counterFile);
    }

    private static long countReady(Path gate) throws IOException {
        try (var files = Files.list(gate)) {
            return files.filter(f -> f.getFileName().toString().startsWith("ready-")).count();
        }
    }
}
