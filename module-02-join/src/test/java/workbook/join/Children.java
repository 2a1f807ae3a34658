package workbook.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import workbook.join.children.SleepThenExit;
import workbook.process.JavaCommand;
import workbook.process.JvmProcess;

/** What the tests of this module share: starting plain children, cleaning up, and checks. */
final class Children {

    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private Children() {
    }

    /** Starts {@code SleepThenExit} as a plain {@link Process}. */
    static Process sleepThenExit(long millis, int exitValue) throws IOException {
        return new ProcessBuilder(JavaCommand.forClass(SleepThenExit.class, Long.toString(millis), Integer.toString(exitValue)))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** Ends whatever a test left running, so that one failure does not become many. */
    static void endAll(Collection<? extends JvmProcess> children, Collection<Process> processes) throws InterruptedException {
        for (JvmProcess child : children) {
            if (child.isAlive()) {
                child.kill();
                child.join(STOP_WAIT);
            }
        }
        for (Process process : processes) {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Asserts that every child has really ended (not merely been asked to). */
    static void assertAllEnded(List<? extends JvmProcess> children, String when) {
        for (JvmProcess child : children) {
            assertThat(child.isAlive())
                    .as("child '%s' was still running %s", child.name(), when)
                    .isFalse();
        }
    }

    /**
     * Asserts that a process that sleeps for a long time is still running. {@code isAlive()} alone
     * would not do: it stays true for a moment after the process was destroyed, so the check waits a
     * second for the process to end and expects it not to.
     */
    static void assertStillRunning(Process process, String when) throws InterruptedException {
        assertThat(process.waitFor(1, TimeUnit.SECONDS))
                .as("child %d ended (%s) %s", process.pid(),
                        process.isAlive() ? "" : "exit value " + process.exitValue(), when)
                .isFalse();
    }

    /** Asserts that no child of the list was started. */
    static void assertNoneStarted(List<? extends JvmProcess> children, String why) {
        for (JvmProcess child : children) {
            try {
                child.pid();
                fail("child '" + child.name() + "' was started although " + why + ": check the input before starting anything");
            } catch (IllegalStateException expected) {
                // not started: good
            }
        }
    }

    /**
     * Runs an action that reads exit statuses, turning "no value present" into what it means: a child
     * whose status was read had not ended yet.
     */
    static <T> T explainingMissingStatus(ThrowingSupplier<T> action) throws Exception {
        try {
            return action.get();
        } catch (NoSuchElementException e) {
            throw new AssertionError("an exit status was read before the child had ended (" + e.getMessage()
                    + "): join every child before reading its exit status", e);
        }
    }

    /** A supplier that may throw. */
    @FunctionalInterface
    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    /**
     * ArchUnit: does {@code caller} (or a class nested in it, or a lambda in it) call or refer to a
     * method named {@code method} declared on one of {@code owners} (or a subtype of one)?
     */
    static boolean calls(Class<?> caller, String method, Class<?>... owners) {
        Class<?>[] callerAndNested = Stream.concat(Stream.of(caller), Stream.of(caller.getDeclaredClasses())).toArray(Class<?>[]::new);
        return new ClassFileImporter().importClasses(callerAndNested).stream()
                .filter(c -> c.getName().equals(caller.getName()) || c.getName().startsWith(caller.getName() + "$"))
                .flatMap(c -> Stream.<JavaAccess<?>>concat(c.getMethodCallsFromSelf().stream(), c.getMethodReferencesFromSelf().stream()))
                .filter(access -> access.getName().equals(method))
                .anyMatch(access -> Stream.of(owners).anyMatch(owner -> access.getTargetOwner().isAssignableTo(owner)));
    }
}
