package workbook.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import workbook.process.JavaCommand;
import workbook.testsupport.Exercise;

@Exercise("4.3")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ResultFromChildHiddenTest {

    @Test
    void aRandomLimit() throws Exception {
        int limit = ThreadLocalRandom.current().nextInt(10_000, 2_000_000);
        PrimeCountJob expected = new PrimeCountJob(limit);
        expected.compute();
        PrimeCountJob job = new PrimeCountJob(limit);

        PrimeCountJob computed = ResultFromChild.computeInChild(job);

        assertThat(computed.limit()).as("the limit of the job that came back").isEqualTo(limit);
        assertThat(computed.primes()).as("primes below %d, computed by the child", limit).isEqualTo(expected.primes());
        assertThat(computed.computedBy().orElse(-1))
                .as("the pid that computed the job").isPositive().isNotEqualTo(ProcessHandle.current().pid());
        assertThat(job.primes()).as("the parent's own job stays uncomputed").isEmpty();
        assertThat(job.computedBy()).as("the parent's own job stays uncomputed").isEmpty();
    }

    @Test
    void aLimitWithNoPrimesBelowIt() throws Exception {
        PrimeCountJob computed = ResultFromChild.computeInChild(new PrimeCountJob(2));

        assertThat(computed.primes()).as("primes below 2").hasValue(0);
        assertThat(computed.computedBy().orElse(-1)).isNotEqualTo(ProcessHandle.current().pid()).isPositive();
    }

    @Test
    void noFileIsLeftBehind(@TempDir Path dir) throws Exception {
        // A program of its own, whose temporary folder (java.io.tmpdir) and working directory are one empty folder.
        Path home = Files.createDirectory(dir.resolve("home"));
        Path output = dir.resolve("output.txt");
        int limit = ThreadLocalRandom.current().nextInt(10_000, 100_000);
        List<String> options = new ArrayList<>(JavaCommand.LEAN_JVM_OPTIONS);
        options.add("-Djava.io.tmpdir=" + home);
        Process program = Program.runToEnd(
                new ProcessBuilder(JavaCommand.forClass(ComputeAndPrint.class, options, List.of(Integer.toString(limit))))
                        .directory(home.toFile()),
                output, Duration.ofSeconds(40), "a program calling computeInChild(new PrimeCountJob(" + limit + "))");
        PrimeCountJob expected = new PrimeCountJob(limit);
        expected.compute();

        assertThat(program.exitValue()).as("exit value of a program calling computeInChild(new PrimeCountJob(%d)); it printed:%n%s",
                limit, Files.readString(output)).isZero();
        assertThat(Files.readString(output).lines().findFirst().orElse("")).as("primes below %d, as the program printed them", limit)
                .isEqualTo(Integer.toString(expected.primes().orElseThrow()));
        assertThat(leftBehind(Files.readString(output)))
                .as("what computeInChild left in the temporary folder of the JVM that called it, right after it returned"
                        + " (before that JVM exited): delete the file that carried the result before returning, not"
                        + " when the JVM exits (deleteOnExit())")
                .isEqualTo(LEFT_BEHIND + "[]");
        try (Stream<Path> left = Files.walk(home)) {
            assertThat(left.filter(path -> !path.equals(home)).toList())
                    .as("what computeInChild left in the temporary folder and working directory of the JVM that called it:"
                            + " delete the file that carried the result (in a finally block, so that a failure deletes it too)")
                    .isEmpty();
        }
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "finds the child through /proc")
    void aChildThatIsKilledIsAFailureAndLeavesNoFileBehind(@TempDir Path dir) throws Exception {
        Path home = Files.createDirectory(dir.resolve("home"));
        Path output = dir.resolve("output.txt");
        List<String> options = new ArrayList<>(JavaCommand.LEAN_JVM_OPTIONS);
        options.add("-Djava.io.tmpdir=" + home);
        Process program;
        try (NewDescendants killer = NewDescendants.killGrandchildren(1)) {
            program = Program.runToEnd(
                    new ProcessBuilder(JavaCommand.forClass(ComputeAndPrint.class, options, List.of("1000000")))
                            .directory(home.toFile()),
                    output, Duration.ofSeconds(40), "a program calling computeInChild, whose child the test kills");
            assertThat(killer.caught()).as("test set-up: the child of the program, killed by the test").hasSize(1);
        }
        String printed = Files.readString(output);

        assertThat(printed)
                .as("what a program calling computeInChild printed when the test killed (SIGKILL) the child it had"
                        + " started: a child that fails must make computeInChild throw an IllegalStateException that"
                        + " says how the child ended, not return a result it never sent")
                .contains("IllegalStateException")
                .as("what that program printed: the IllegalStateException says how the child ended (killed by signal 9,"
                        + " exit value 137), for instance with its exitStatus()")
                .containsAnyOf("137", "signal 9", "SIGKILL");
        assertThat(program.exitValue()).as("exit value of that program; it printed:%n%s", printed).isNotZero();
        assertThat(leftBehind(printed))
                .as("what computeInChild left in the temporary folder of its JVM when it threw: delete the file that"
                        + " carried the result in a finally block, so that the failure path deletes it too")
                .isEqualTo(LEFT_BEHIND + "[]");
        try (Stream<Path> left = Files.walk(home)) {
            assertThat(left.filter(path -> !path.equals(home)).toList())
                    .as("what computeInChild left in the temporary folder and working directory of its JVM when its"
                            + " child failed: delete the file that carried the result in a finally block, so that the"
                            + " failure path deletes it too")
                    .isEmpty();
        }
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "freezes the child with SIGSTOP, found through /proc")
    void anInterruptedWaitThrowsInterruptedException() throws Exception {
        try (NewDescendants freezer = NewDescendants.freezeChildren(1)) {
            ForeignCall<PrimeCountJob> call = ForeignCall.start("computeInChild",
                    () -> ResultFromChild.computeInChild(new PrimeCountJob(1000)));
            Awaitility.await("the child started and frozen by the test").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(10)).until(() -> freezer.caught().size() == 1 || call.hasEnded());
            if (freezer.caught().isEmpty()) {
                // The machine was too busy to freeze the child before it ended: nothing waits, so nothing can be
                // interrupted in this run; it proves only that the call itself works.
                call.assertRanToItsEnd();
                return;
            }
            call.awaitBlocked(Duration.ofSeconds(10));

            call.thread().interrupt();

            assertThat(call.outcome(Duration.ofSeconds(10)))
                    .as("what computeInChild did when its thread was interrupted while it waited for its (frozen)"
                            + " child: throw InterruptedException, not go on waiting or return something else")
                    .isInstanceOf(InterruptedException.class);
        }
    }

    /**
     * {@code ComputeAndPrint <limit>}: calls computeInChild and prints the number of primes it got back; then, whether
     * computeInChild returned or threw, what it left in this JVM's temporary folder while this JVM still runs
     * (a file marked deleteOnExit() is still there), as the last line {@code left behind: [...]}.
     */
    public static final class ComputeAndPrint {
        public static void main(String[] args) throws Exception {
            try {
                PrimeCountJob computed = ResultFromChild.computeInChild(new PrimeCountJob(Integer.parseInt(args[0])));
                System.out.println(computed.primes().orElse(-1));
            } finally {
                try (Stream<Path> left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
                    System.out.println(LEFT_BEHIND + left.map(p -> p.getFileName().toString()).sorted().toList());
                }
            }
        }
    }

    private static final String LEFT_BEHIND = "left behind: ";

    /** @return the files a ComputeAndPrint run listed in its temporary folder before it exited */
    private static String leftBehind(String printed) {
        return printed.lines().filter(line -> line.startsWith(LEFT_BEHIND)).findFirst()
                .orElse("(no '" + LEFT_BEHIND + "' line: the program did not get that far)");
    }

    @Test
    void aNullJobIsRejected() {
        assertThatThrownBy(() -> ResultFromChild.computeInChild(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theJobIsComputedInAChildProcess() {
        ProcessRules.assertStartsAProcess(ResultFromChild.class);
    }
}
