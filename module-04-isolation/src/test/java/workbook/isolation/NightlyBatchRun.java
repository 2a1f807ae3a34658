package workbook.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import workbook.process.JavaCommand;

/**
 * Runs {@link NightlyBatch} as a program, in its own JVM (so that its {@code main} may even exit), with an
 * event log in a test directory, and reads back what every process recorded.
 *
 * @param exitValue the program's exit value
 * @param programPid the pid of the program's JVM
 * @param output what the program printed on standard output and error
 * @param events the event log, in order
 */
record NightlyBatchRun(int exitValue, long programPid, String output, List<Event> events) {

    /** One line of the event log. */
    record Event(long pid, String what) {
    }

    static NightlyBatchRun run(Path dir, String... args) throws IOException, InterruptedException {
        return run(dir, List.of(), args);
    }

    /** Runs the program with {@code jvmOptions} added to its JVM's command line (they reach its workers only if it passes them on). */
    static NightlyBatchRun run(Path dir, List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        Path log = dir.resolve("events.log");
        Path output = dir.resolve("program-output.txt");
        Files.deleteIfExists(log);
        List<String> options = new ArrayList<>(JavaCommand.LEAN_JVM_OPTIONS);
        options.addAll(jvmOptions);
        options.add("-D" + EventLog.PROPERTY + "=" + log);
        Process program = Program.runToEnd(new ProcessBuilder(JavaCommand.forClass(NightlyBatch.class, options, List.of(args))),
                output, Duration.ofSeconds(40), "NightlyBatch " + String.join(" ", args));
        List<Event> events = new ArrayList<>();
        if (Files.exists(log)) {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                int space = line.indexOf(' ');
                events.add(new Event(Long.parseLong(line.substring(0, space)), line.substring(space + 1)));
            }
        }
        return new NightlyBatchRun(program.exitValue(), program.pid(), Files.readString(output), events);
    }

    List<Event> eventsNamed(String what) {
        return events.stream().filter(e -> e.what().equals(what)).toList();
    }

    /** Checks everything a correct run of {@code workers} workers leaves in the log. */
    void assertCompleteRun(int workers) {
        assertThat(exitValue).as("exit value of NightlyBatch %d; it printed:%n%s", workers, output).isZero();
        assertThat(eventsNamed(NightlyBatch.STARTED))
                .as("'%s' must be recorded exactly once, by the program's own JVM (pid %d), however many worker"
                        + " JVMs load the class; the log was:%n%s", NightlyBatch.STARTED, programPid, this)
                .containsExactly(new Event(programPid, NightlyBatch.STARTED));
        List<Long> workerPids = new ArrayList<>();
        for (int part = 1; part <= workers; part++) {
            List<Event> done = eventsNamed(NightlyBatch.workerDone(part));
            assertThat(done).as("'%s' must be recorded once, by a worker JVM; the log was:%n%s",
                    NightlyBatch.workerDone(part), this).hasSize(1);
            workerPids.add(done.get(0).pid());
        }
        assertThat(workerPids)
                .as("each worker runs in a JVM of its own, neither the program's (%d) nor the test's", programPid)
                .doesNotHaveDuplicates()
                .doesNotContain(programPid, ProcessHandle.current().pid());
        assertThat(events.get(events.size() - 1))
                .as("'%s' must be the last event, recorded by the program after every worker ended; the log was:%n%s",
                        NightlyBatch.FINISHED, this)
                .isEqualTo(new Event(programPid, NightlyBatch.FINISHED));
        assertThat(eventsNamed(NightlyBatch.FINISHED))
                .as("FINISHED is recorded once, after the last worker has ended ('%s')", NightlyBatch.FINISHED)
                .hasSize(1);
        int startedAt = events.indexOf(new Event(programPid, NightlyBatch.STARTED));
        assertThat(events.subList(0, startedAt))
                .as("'%s' must come before any worker's event; the log was:%n%s", NightlyBatch.STARTED, this)
                .allMatch(e -> e.pid() == programPid);
        List<Long> initialisedIn = eventsNamed(NightlyBatch.LOADED).stream().map(Event::pid).toList();
        List<Long> everyJvm = new ArrayList<>(workerPids);
        everyJvm.add(programPid);
        assertThat(initialisedIn)
                .as("the static initialiser runs once in every JVM that uses the class: %d workers + the program = %d runs",
                        workers, workers + 1)
                .containsExactlyInAnyOrderElementsOf(everyJvm);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        events.forEach(e -> text.append("  ").append(e.pid()).append(e.pid() == programPid ? " (program) " : " ")
                .append(e.what()).append('\n'));
        return text.length() == 0 ? "  (empty)\n" : text.toString();
    }
}
