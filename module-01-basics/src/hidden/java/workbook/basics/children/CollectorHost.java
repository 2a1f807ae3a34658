package workbook.basics.children;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import workbook.basics.CompletedRun;
import workbook.basics.OutputCollector;

/**
 * Runs {@link OutputCollector#run} in a JVM of its own, so that the test can give that JVM another
 * default charset ({@code -Dfile.encoding=ISO-8859-1}) than the build's UTF-8:
 * {@code CollectorHost <report file> <command...>} writes the collected standard output to the report
 * file, encoded as UTF-8 whatever the default.
 */
public final class CollectorHost {
    public static void main(String[] args) throws Exception {
        CompletedRun run = OutputCollector.run(Arrays.asList(args).subList(1, args.length), Duration.ofSeconds(30));
        Files.writeString(Path.of(args[0]), run.stdout(), StandardCharsets.UTF_8);
    }
}
