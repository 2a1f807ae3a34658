package workbook.basics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import workbook.basics.children.Chatter;
import workbook.testsupport.Exercise;

@Exercise("1.4")
class OutputCollectorTest {

    @Test
    void collectsBothStreamsAndTheExitValue() throws Exception {
        CompletedRun run = OutputCollector.run(Children.java(Chatter.class, "64", "96", "3"), Duration.ofSeconds(30));

        assertThat(run.exitValue()).as("run() returns the child's exit value").isEqualTo(3);
        assertThat(run.stdout()).as("run() returns all of the child's standard output").isEqualTo(Chatter.expected('o', 96));
        assertThat(run.stderr()).as("run() returns all of the child's standard error").isEqualTo(Chatter.expected('e', 64));
    }

    @Test
    void aChildThatPrintsMoreThanAPipeHoldsStillFinishes() throws Exception {
        int oneMiB = 1024 * 1024;
        // A parent that waits before it reads deadlocks here: the child blocks on a full pipe.
        CompletedRun run = OutputCollector.run(Children.java(Chatter.class, "0", Integer.toString(oneMiB), "0"),
                Duration.ofSeconds(30));

        assertThat(run.exitValue())
                .as("both streams are read while the child runs, so a child that prints more than a pipe holds ends normally")
                .isZero();
        assertThat(run.stdout())
                .as("run() returns all of the child's 1 MiB of standard output")
                .hasSize(oneMiB)
                .isEqualTo(Chatter.expected('o', oneMiB));
    }
}
