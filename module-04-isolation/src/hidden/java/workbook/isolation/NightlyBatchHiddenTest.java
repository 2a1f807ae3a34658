package workbook.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import workbook.testsupport.Exercise;

@Exercise("4.2")
@Timeout(value = 55, unit = TimeUnit.SECONDS)
class NightlyBatchHiddenTest {

    @TempDir
    Path dir;

    @Test
    void aRandomNumberOfWorkers() throws Exception {
        int workers = ThreadLocalRandom.current().nextInt(2, 6);

        NightlyBatchRun run = NightlyBatchRun.run(dir, Integer.toString(workers));

        run.assertCompleteRun(workers);
    }

    @Test
    void startedIsRecordedBeforeTheFirstWorkerIsStarted() throws Exception {
        // The program's temporary folder does not exist, so JvmProcess.start() cannot write a worker's state file
        // and the first worker's start() throws. Whatever main recorded before that call is all the log can hold.
        Path missing = dir.resolve("no-such-folder");

        NightlyBatchRun run = NightlyBatchRun.run(dir, List.of("-Djava.io.tmpdir=" + missing), "2");

        assertThat(run.events()).as("test set-up: with java.io.tmpdir=%s no worker can start, so no worker records anything;"
                + " the program printed:%n%s", missing, run.output())
                .noneMatch(e -> e.what().startsWith("worker "));
        assertThat(run.eventsNamed(NightlyBatch.STARTED))
                .as("'%s' is recorded once, by the program (pid %d), before any worker starts: here the first worker's"
                        + " start() failed, and the log must still hold it; the log was:%n%s",
                        NightlyBatch.STARTED, run.programPid(), run)
                .containsExactly(new NightlyBatchRun.Event(run.programPid(), NightlyBatch.STARTED));
    }

    @Test
    void badArgumentsAreRejectedBeforeAnythingStarts() throws Exception {
        List<List<String>> badArguments = List.of(List.of(), List.of("two"), List.of("17"), List.of("1", "2"));
        for (List<String> args : badArguments) {
            Path runDir = Files.createTempDirectory(dir, "run");
            NightlyBatchRun run = NightlyBatchRun.run(runDir, args.toArray(String[]::new));

            assertThat(run.exitValue()).as("exit value of NightlyBatch %s", args).isNotZero();
            assertThat(run.output())
                    .as("what NightlyBatch %s printed: an IllegalArgumentException with the usage", args)
                    .contains("IllegalArgumentException")
                    .contains("WORKERS")
                    .as("what NightlyBatch %s printed: the message says what was given", args)
                    .contains(args.isEmpty() ? "0" : args.get(0));
            assertThat(run.eventsNamed(NightlyBatch.STARTED)).as("events after NightlyBatch %s", args).isEmpty();
        }
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "finds the worker through /proc")
    void aWorkerThatIsKilledFailsTheBatchByName() throws Exception {
        NightlyBatchRun run;
        long killed;
        try (NewDescendants killer = NewDescendants.killGrandchildren(1)) {
            run = NightlyBatchRun.run(dir, "3");
            assertThat(killer.caught()).as("test set-up: one worker, killed by the test").hasSize(1);
            killed = killer.caught().get(0).pid();
        }

        assertThat(run.exitValue()).as("exit value of NightlyBatch 3 when the test killed one worker; it printed:%n%s",
                run.output()).isNotZero();
        assertThat(run.output())
                .as("what NightlyBatch 3 printed when the test killed worker pid %d (SIGKILL): a failed worker must"
                        + " make main throw an IllegalStateException that names it (by pid or name)", killed)
                .contains("IllegalStateException")
                .containsAnyOf(Long.toString(killed), "batch-worker-");
        assertThat(run.eventsNamed(NightlyBatch.FINISHED))
                .as("'%s' is recorded only when every worker succeeded; the log was:%n%s", NightlyBatch.FINISHED, run)
                .isEmpty();
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "freezes the workers with SIGSTOP, found through /proc")
    void theWorkersRunAtTheSameTime() throws Exception {
        int workers = 3;
        try (NewDescendants freezer = NewDescendants.freezeChildren(workers)) {
            ForeignCall<Void> call = ForeignCall.start("NightlyBatch.main", () -> {
                NightlyBatch.main(new String[] {Integer.toString(workers)});
                return null;
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (freezer.caught().size() < workers && !call.hasEnded() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }

            // A frozen worker never ends, so a main that joins inside its start loop never gets past the first frozen
            // one: it has at most one frozen worker, however many of the others ran to their end. A correct main has
            // all of them started; on a very busy machine one may end before the test could freeze it, so two is
            // the bar, not three.
            assertThat(freezer.caught())
                    .as("worker JVMs of NightlyBatch %d running at the same moment (the test froze each one as it started,"
                            + " and a frozen worker never ends): at least 2; start all the workers in one loop and join"
                            + " them in a second; joining inside the start loop runs them one after the other", workers)
                    .hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "freezes the workers with SIGSTOP, found through /proc")
    void anInterruptedWaitThrowsInterruptedException() throws Exception {
        try (NewDescendants freezer = NewDescendants.freezeChildren(2)) {
            ForeignCall<Void> call = ForeignCall.start("NightlyBatch.main", () -> {
                NightlyBatch.main(new String[] {"2"});
                return null;
            });
            // Usually both workers are frozen within a second; on a very busy machine one may end before the test
            // can freeze it, and one frozen worker is enough to keep main waiting.
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (freezer.caught().size() < 2 && !call.hasEnded() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            if (freezer.caught().isEmpty()) {
                // Both ended before they could be frozen: nothing waits, so nothing can be interrupted in this run.
                call.assertRanToItsEnd();
                return;
            }
            call.awaitBlocked(Duration.ofSeconds(10));

            call.thread().interrupt();

            assertThat(call.outcome(Duration.ofSeconds(10)))
                    .as("what NightlyBatch.main did when its thread was interrupted while it waited for its (frozen)"
                            + " workers: throw InterruptedException, not go on waiting or return")
                    .isInstanceOf(InterruptedException.class);
        }
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "finds the workers through /proc")
    void theLargestWorkerCountIsAccepted() throws Exception {
        Throwable thrown;
        // Each worker is killed as soon as it runs java: cheap, and all that matters here is whether main
        // rejects the count before it starts any.
        try (NewDescendants killer = NewDescendants.killChildren(NightlyBatch.MAX_WORKERS)) {
            thrown = catchThrowable(() -> NightlyBatch.main(new String[] {Integer.toString(NightlyBatch.MAX_WORKERS)}));
        }

        assertThat(thrown)
                .as("what NightlyBatch %d did when the test killed each worker as it started: MAX_WORKERS (%d) is a"
                        + " valid worker count, the largest one, so the workers start, and their failure is an"
                        + " IllegalStateException", NightlyBatch.MAX_WORKERS, NightlyBatch.MAX_WORKERS)
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theBatchStartsWorkerProcesses() {
        ProcessRules.assertStartsAProcess(NightlyBatch.class);
    }
}
