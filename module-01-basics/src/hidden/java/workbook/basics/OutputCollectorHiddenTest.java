package workbook.basics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import workbook.basics.children.Chatter;
import workbook.basics.children.PrintArguments;
import workbook.basics.children.Sleeper;
import workbook.testsupport.Exercise;

@Exercise("1.4")
class OutputCollectorHiddenTest {

    @RepeatedTest(2)
    void aLargeStandardErrorWrittenFirstDoesNotBlockEither() throws Exception {
        // Reading standard output to its end before standard error deadlocks here.
        Random random = new Random();
        int err = 200_000 + random.nextInt(300_000);
        int out = 100_000 + random.nextInt(300_000);
        int code = 1 + random.nextInt(100);

        CompletedRun run = OutputCollector.run(Children.java(Chatter.class, Integer.toString(err), Integer.toString(out),
                Integer.toString(code)), Duration.ofSeconds(30));

        assertThat(run.exitValue()).isEqualTo(code);
        assertThat(run.stderr()).as(err + " bytes of standard error").isEqualTo(Chatter.expected('e', err));
        assertThat(run.stdout()).as(out + " bytes of standard output").isEqualTo(Chatter.expected('o', out));
    }

    @Test
    void decodesUtf8() throws Exception {
        CompletedRun run = OutputCollector.run(Children.java(PrintArguments.class, "grüße", "日本"), Duration.ofSeconds(30));
        assertThat(run.stdout().lines()).containsExactly("arg=grüße", "arg=日本");
    }

    @Test
    void aChildThatRunsTooLongIsKilledAndReported() throws Exception {
        Set<ProcessHandle> before = ProcessHandle.current().children().collect(Collectors.toSet());

        assertThatThrownBy(() -> OutputCollector.run(Children.java(Sleeper.class), Duration.ofMillis(300)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("300");

        List<ProcessHandle> stillAlive = ProcessHandle.current().children()
                .filter(p -> !before.contains(p)).filter(ProcessHandle::isAlive).toList();
        assertThat(stillAlive).as("children still alive right after run() gave up (it must kill and wait)").isEmpty();
    }

    @Test
    void badArgumentsAreRejected() {
        assertThatThrownBy(() -> OutputCollector.run(List.of(), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutputCollector.run(List.of("java"), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutputCollector.run(List.of("java"), Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutputCollector.run(null, Duration.ofSeconds(1))).isInstanceOf(NullPointerException.class);
    }
}
