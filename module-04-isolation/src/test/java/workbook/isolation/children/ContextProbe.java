package workbook.isolation.children;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A program the 4.4 tests run in a child (through {@code ChildContext.start}): it reports its working directory and the environment variables
 * named by its arguments, one per line, and leaves a file in its working directory through a relative path
 * (if the test put a permit there: a probe started in the wrong directory must not litter it).
 *
 * <pre>
 * cwd=/the/working/directory
 * set NAME=value
 * unset OTHER
 * </pre>
 */
public final class ContextProbe {

    /** The file the probe creates, by a relative name, in whatever its working directory is. */
    public static final String MARKER = "probe-was-here.txt";
    /** The probe creates {@link #MARKER} only in a directory that holds this file, which the tests put there. */
    public static final String PERMIT = "probe-may-write-here";

    private ContextProbe() {
    }

    public static void main(String[] names) throws IOException {
        // Only where the test allowed it, so that a child started in the wrong directory litters nothing.
        if (Files.exists(Path.of(PERMIT))) {
            Files.writeString(Path.of(MARKER), Long.toString(ProcessHandle.current().pid()));
        }
        StringBuilder report = new StringBuilder();
        report.append("cwd=").append(Path.of("").toAbsolutePath().toRealPath()).append('\n');
        for (String name : names) {
            String value = System.getenv(name);
            report.append(value == null ? "unset " + name : "set " + name + "=" + value).append('\n');
        }
        System.out.write(report.toString().getBytes(StandardCharsets.UTF_8));
        System.out.flush();
    }
}
