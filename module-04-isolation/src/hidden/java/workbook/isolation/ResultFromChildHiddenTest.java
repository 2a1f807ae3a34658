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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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
        assertThat(Files.readString(output).strip()).as("primes below %d, as the program printed them", limit)
                .isEqualTo(Integer.toString(expected.primes().orElseThrow()));
        try (Stream<Path> left = Files.walk(home)) {
            assertThat(left.filter(path -> !path.equals(home)).toList())
                    .as("what computeInChild left in the temporary folder and working directory of the JVM that called it:"
                            + " delete the file that carried the result (in a finally block, so that a failure deletes it too)")
                    .isEmpty();
        }
    }

    /** {@code ComputeAndPrint <limit>}: calls computeInChild and prints the number of primes it got back. */
    public static final class ComputeAndPrint {
        public static void main(String[] args) throws InterruptedException {
            PrimeCountJob computed = ResultFromChild.computeInChild(new PrimeCountJob(Integer.parseInt(args[0])));
            System.out.println(computed.primes().orElse(-1));
        }
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
