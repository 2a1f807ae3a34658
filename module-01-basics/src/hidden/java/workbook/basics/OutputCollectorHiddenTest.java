package workbook.basics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.basics.children.Chatter;
import workbook.basics.children.CollectorHost;
import workbook.basics.children.PrintArguments;
import workbook.basics.children.Sleeper;
import workbook.basics.children.Utf8Printer;
import workbook.process.JavaCommand;
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

    @Test
    void aTimeoutBelowOneSecondIsWaitedInFull() {
        long millis = ThreadLocalRandom.current().nextLong(300, 900);

        long start = System.nanoTime();
        Throwable thrown = catchThrowable(() -> OutputCollector.run(Children.java(Sleeper.class), Duration.ofMillis(millis)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(thrown).as("run() of a child that never ends, with a timeout of %d ms", millis)
                .isInstanceOf(IllegalStateException.class);
        assertThat(took).as("run() with a timeout of %d ms gave up after %d ms: the child may run the whole timeout,"
                        + " also when it is below one second (wait in milliseconds or nanoseconds, never"
                        + " timeout.toSeconds(), which makes it 0)", millis, took.toMillis())
                .isBetween(Duration.ofMillis(millis), Duration.ofMillis(millis + 15_000));
    }

    @Test
    void anInterruptWhileWaitingThrowsInterruptedExceptionAndKillsTheChild() throws Exception {
        Set<ProcessHandle> before = ProcessHandle.current().children().collect(Collectors.toSet());

        Thread.currentThread().interrupt();
        Throwable thrown;
        try {
            thrown = catchThrowable(() -> OutputCollector.run(Children.java(Sleeper.class), Duration.ofSeconds(20)));
        } finally {
            Thread.interrupted();
        }

        assertThat(thrown).as("run() called on an interrupted thread, for a child that never ends: the interrupt must"
                + " come out as InterruptedException, not be swallowed or turned into a timeout").isInstanceOf(InterruptedException.class);
        List<ProcessHandle> started = ProcessHandle.current().children().filter(p -> !before.contains(p)).toList();
        for (ProcessHandle child : started) {
            assertThat(child.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join())
                    .as("the child %d 10 s after run() was interrupted: it must be killed", child.pid())
                    .isNotNull();
        }
    }

    @Test
    void decodesAsUtf8WhateverThePlatformsDefaultCharset(@TempDir Path dir) throws Exception {
        // The build runs with a UTF-8 default, which hides new String(bytes) without a charset: run the collector
        // in a JVM whose default is ISO-8859-1.
        Path report = dir.resolve("collected.txt");
        List<String> args = new ArrayList<>(List.of(report.toString()));
        args.addAll(Children.java(Utf8Printer.class));
        List<String> options = new ArrayList<>(JavaCommand.LEAN_JVM_OPTIONS);
        options.add("-Dfile.encoding=ISO-8859-1");
        List<String> host = JavaCommand.forClass(CollectorHost.class, options, args);

        Children.outputOf(host, dir);

        assertThat(Files.readString(report, StandardCharsets.UTF_8))
                .as("standard output of a child that wrote UTF-8, collected in a JVM whose default charset is ISO-8859-1:"
                        + " decode the bytes as UTF-8 explicitly (new String(bytes, StandardCharsets.UTF_8))")
                .isEqualTo(Utf8Printer.TEXT);
    }

    @Test
    void aProgramThatCannotBeStartedIsAnUncheckedIOException() {
        String missing = "/no/such/program-" + System.nanoTime();
        assertThatThrownBy(() -> OutputCollector.run(List.of(missing), Duration.ofSeconds(5)))
                .isInstanceOf(UncheckedIOException.class);
    }
}
