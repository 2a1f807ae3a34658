package workbook.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import workbook.process.JvmProcess;
import workbook.testsupport.Exercise;
import workbook.testsupport.OsProcesses;

@Exercise("2.6")
@Timeout(value = 45, unit = TimeUnit.SECONDS)
class OwnFilesHiddenTest {

    @TempDir
    Path dir;

    @Test
    void aRandomNumberOfWorkers() throws Exception {
        int count = ThreadLocalRandom.current().nextInt(6, 11);

        OwnFilesTest.checkCreated(dir, OwnFiles.createEach(dir, count), count);
    }

    @Test
    void aSingleWorker() throws Exception {
        OwnFilesTest.checkCreated(dir, OwnFiles.createEach(dir, 1), 1);
    }

    @Test
    void interruptedWhileJoiningItStopsTheWorkersAlreadyStarted() {
        // Interrupted before the call: the first join() throws InterruptedException while the workers boot.
        Thread.currentThread().interrupt();
        try {
            assertThat(catchThrowable(() -> OwnFiles.createEach(dir, 5)))
                    .as("createEach was called with this thread interrupted: joining must throw InterruptedException")
                    .isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
        List<ProcessHandle> stillRunning = ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList();
        assertThat(stillRunning)
                .as("workers still running after createEach threw: when joining fails half way, kill the workers"
                        + " already started and wait for them, then let the exception out (nothing is left running)")
                .isEmpty();
    }

    @Test
    void aWorkerThatCouldNotCreateItsFileIsReported() throws Exception {
        int count = 5;
        int blocked = ThreadLocalRandom.current().nextInt(count);
        // A folder with the worker's file name: the worker cannot create its file and exits with 1.
        Files.createDirectory(dir.resolve(FileMaker.fileName(blocked)));

        assertThatThrownBy(() -> OwnFiles.createEach(dir, count))
                .as("worker %d could not create its file: createEach must say so", blocked)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("worker-" + blocked);
    }

    @Test
    void theFilesAreWrittenByChildProcesses() {
        assertThat(Children.calls(OwnFiles.class, "start", JvmProcess.class))
                .as("OwnFiles must start child processes (FileMaker.start()), not write the files itself")
                .isTrue();
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "freezes a worker with SIGSTOP and reads its state from /proc")
    void everyWorkerIsJoinedBeforeAnyIsChecked() throws Exception {
        // Worker 0 cannot create its file (a folder is in the way) and fails. Both workers are frozen (SIGSTOP) as soon
        // as they appear; worker 0 is thawed at once, worker 1 only 3 s after worker 0 has ended. Checking each worker
        // right after its own join reports worker 0 while worker 1 is still frozen; joining all first cannot.
        Files.createDirectory(dir.resolve(FileMaker.fileName(0)));
        Set<ProcessHandle> before = ProcessHandle.current().children().collect(Collectors.toSet());
        AtomicLong secondThawedAt = new AtomicLong();
        AtomicBoolean bothFrozen = new AtomicBoolean();
        Thread freezer = new Thread(() -> freezeTwoWorkersThenThawThemInTurn(before, bothFrozen, secondThawedAt),
                "worker-freezer");
        freezer.setDaemon(true);
        freezer.start();
        try {
            Throwable thrown = catchThrowable(() -> OwnFiles.createEach(dir, 2));
            long thrownAt = System.nanoTime();

            assertThat(thrown).as("worker 0 could not create its file: createEach must say so")
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("worker-0");
            if (bothFrozen.get()) {
                // Otherwise a worker ended before it could be frozen (a very loaded machine): this run proves nothing.
                assertThat(secondThawedAt.get())
                        .as("createEach reported worker 0 while worker 1 was still running (frozen until 3 s after worker 0"
                                + " ended): join every worker first, and check them only after the last join")
                        .isNotZero().isLessThan(thrownAt);
            }
        } finally {
            freezer.interrupt();
            freezer.join(TimeUnit.SECONDS.toMillis(20));
        }
    }

    private static void freezeTwoWorkersThenThawThemInTurn(Set<ProcessHandle> before, AtomicBoolean bothFrozen,
            AtomicLong secondThawedAt) {
        try {
            List<ProcessHandle> frozen = freezeTwo(before);
            if (frozen.size() < 2) {
                for (ProcessHandle child : frozen) {
                    signal("-CONT", child.pid());
                }
                return;
            }
            bothFrozen.set(true);
            ProcessHandle first = frozen.get(0);
            signal("-CONT", first.pid());
            first.onExit().get(30, TimeUnit.SECONDS);
            Thread.sleep(3_000);
            secondThawedAt.set(System.nanoTime());
            signal("-CONT", frozen.get(1).pid());
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @return the children started since {@code before} that already run a worker's program: never this test's
     *     own {@code kill} children, and never a child in the moment between fork and exec (it still shows this
     *     JVM's command)
     */
    private static List<ProcessHandle> newWorkers(Set<ProcessHandle> before) {
        return ProcessHandle.current().children().filter(p -> !before.contains(p))
                .filter(p -> OsProcesses.runsMain(p, "workbook.process.ChildMain")).toList();
    }

    /** @return true once {@code /proc} shows {@code pid} stopped (T), false if it has ended (or is not stopped in 5 s) */
    private static boolean isStopped(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            char state = OsProcesses.state(pid);
            if (state == 'T') {
                return true;
            }
            if (state == '-' || state == 'Z' || state == 'X') {
                return false;
            }
            Thread.sleep(1);
        }
        return false;
    }

    /** @return true if the signal was delivered ({@code kill} succeeded) */
    private static boolean signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(pid)).start();
        return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "freezes workers with SIGSTOP and reads their state from /proc")
    void aFileWithAnotherPidIsReported() throws Exception {
        // Worker 0 writes its file and ends; while worker 1 is still frozen, the test puts another pid in that file.
        Path file0 = dir.resolve(FileMaker.fileName(0));
        assertWorkerZeroIsReportedAfter(first -> {
            thawAndAwaitEnd(first);
            Files.writeString(file0, FileMaker.contentFor(0, 1), StandardCharsets.UTF_8);
        }, "worker 0's file names pid 1, not worker 0's pid: the file must hold exactly FileMaker.contentFor(index, that"
                + " worker's pid)");
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "freezes workers with SIGSTOP and reads their state from /proc")
    void aFileThatDiffersOnlyInWhiteSpaceIsReported() throws Exception {
        // Worker 0 writes its file and ends; while worker 1 is still frozen, the test adds one space at its end.
        Path file0 = dir.resolve(FileMaker.fileName(0));
        assertWorkerZeroIsReportedAfter(first -> {
            thawAndAwaitEnd(first);
            Files.writeString(file0, " ", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }, "worker 0's file holds its content and one more space: the file must hold exactly"
                + " FileMaker.contentFor(index, pid), white space included (compare without strip() or trim())");
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "freezes workers with SIGSTOP and reads their state from /proc")
    void aFolderInPlaceOfAFileIsReported() throws Exception {
        // Worker 0 writes its file and ends; while worker 1 is still frozen, the test puts a folder in its place.
        Path file0 = dir.resolve(FileMaker.fileName(0));
        assertWorkerZeroIsReportedAfter(first -> {
            thawAndAwaitEnd(first);
            Files.delete(file0);
            Files.createDirectory(file0);
        }, "where worker 0's file should be there is a folder: a file that is missing or wrong is an"
                + " IllegalStateException naming the worker (a folder exists, but it is not a regular file)");
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "freezes workers with SIGSTOP and reads their state from /proc")
    void aWorkerThatWasKilledIsReportedEvenIfItsFileIsRight() throws Exception {
        // Worker 0 is killed while frozen; the test writes the very file it would have written.
        Path file0 = dir.resolve(FileMaker.fileName(0));
        assertWorkerZeroIsReportedAfter(first -> {
            long pid = first.pid();
            first.destroyForcibly();
            first.onExit().get(30, TimeUnit.SECONDS);
            Files.writeString(file0, FileMaker.contentFor(0, pid), StandardCharsets.UTF_8);
        }, "worker 0 was killed (it did not exit normally), although its file is right: check how each worker ended, not"
                + " only its file");
    }

    /** Lets a frozen worker go on and waits until it has ended (so its file is written, or never will be). */
    private static void thawAndAwaitEnd(ProcessHandle worker) throws Exception {
        signal("-CONT", worker.pid());
        worker.onExit().get(30, TimeUnit.SECONDS);
    }

    /**
     * Runs {@code createEach(dir, 2)} while {@code action} is done to worker 0 (worker 1 frozen meanwhile), and expects
     * worker 0 to be reported, for the reason {@code why}.
     */
    private void assertWorkerZeroIsReportedAfter(FirstWorkerAction action, String why) throws Exception {
        AtomicBoolean bothFrozen = new AtomicBoolean();
        Throwable thrown = whileWorkerOneIsFrozen(bothFrozen, action);
        if (bothFrozen.get()) {
            assertThat(thrown).as(why).isInstanceOf(IllegalStateException.class).hasMessageContaining("worker-0");
        } else {
            assertNothingWasDoneAndBothSucceeded(thrown);
        }
    }

    /**
     * On a machine too busy to freeze both workers in time the test did nothing to them: then both workers
     * succeed, and createEach must return normally. (So the test still fails where createEach is not written.)
     */
    private static void assertNothingWasDoneAndBothSucceeded(Throwable thrown) {
        assertThat(thrown).as("both workers ran undisturbed (the machine was too busy to freeze them): createEach must"
                + " return normally").isNull();
    }

    /** What the test does to worker 0 (the first started) while worker 1 is frozen. */
    interface FirstWorkerAction {
        void run(ProcessHandle first) throws Exception;
    }

    /**
     * Runs {@code createEach(dir, 2)} while a helper freezes both workers as they appear, applies {@code action} to
     * worker 0 and then thaws worker 1. {@code bothFrozen} says whether both were frozen in time.
     *
     * @return what createEach threw, or null
     */
    private Throwable whileWorkerOneIsFrozen(AtomicBoolean bothFrozen, FirstWorkerAction action) throws Exception {
        Set<ProcessHandle> before = ProcessHandle.current().children().collect(Collectors.toSet());
        Thread helper = new Thread(() -> {
            try {
                List<ProcessHandle> frozen = freezeTwo(before);
                if (frozen.size() == 2) {
                    bothFrozen.set(true);
                    action.run(frozen.get(0));
                }
                for (ProcessHandle child : frozen) {
                    signal("-CONT", child.pid());
                }
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "worker-freezer");
        helper.setDaemon(true);
        helper.start();
        try {
            return catchThrowable(() -> OwnFiles.createEach(dir, 2));
        } finally {
            helper.interrupt();
            helper.join(TimeUnit.SECONDS.toMillis(20));
        }
    }

    /** Freezes the first two new children as they appear; @return those frozen while running, in pid order. */
    private static List<ProcessHandle> freezeTwo(Set<ProcessHandle> before) throws Exception {
        List<ProcessHandle> seen = new ArrayList<>();
        List<ProcessHandle> frozen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (seen.size() < 2 && System.nanoTime() < deadline) {
            for (ProcessHandle child : newWorkers(before)) {
                if (!seen.contains(child)) {
                    seen.add(child);
                    if (signal("-STOP", child.pid()) && isStopped(child.pid())) {
                        frozen.add(child);
                    }
                }
            }
            Thread.sleep(1);
        }
        frozen.sort(Comparator.comparingLong(ProcessHandle::pid));
        return frozen;
    }
}
