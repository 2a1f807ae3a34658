package workbook.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import workbook.isolation.children.ContextProbe;

/**
 * What a {@link ContextProbe} child reported: its working directory and the variables asked about
 * (absent from the map when unset).
 */
record ProbeReport(Path workingDirectory, Map<String, String> variables, String text) {

    /**
     * Variables of this JVM's environment that a test may remove for a child: not PATH (checked
     * separately), not the locale (it decides how the child decodes non-ASCII text), and none that a JVM
     * may need to start (the dynamic linker's, Java's own, Windows' SystemRoot).
     */
    static List<String> removableVariables() {
        return System.getenv().keySet().stream()
                .filter(n -> !n.equalsIgnoreCase("PATH") && !n.equalsIgnoreCase("SystemRoot"))
                .filter(n -> !n.startsWith("LC_") && !n.startsWith("LANG") && !n.startsWith("LD_")
                        && !n.startsWith("DYLD_") && !n.startsWith("JAVA") && !n.startsWith("JDK_"))
                .sorted()
                .toList();
    }

    /** Reads the child's report and waits for it to end. */
    static ProbeReport readFrom(Process child) throws IOException, InterruptedException {
        assertThat(child).as("the started child").isNotNull();
        String text;
        String errors;
        try {
            // The probe writes a few lines at most: reading one stream after the other cannot block it.
            text = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            errors = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the probe child ended within 30 s").isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).as("exit value of the probe child; it printed:%n%s%s", text, errors).isZero();
        Path cwd = null;
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("cwd=")) {
                cwd = Path.of(line.substring(4));
            } else if (line.startsWith("set ")) {
                int equals = line.indexOf('=');
                variables.put(line.substring(4, equals), line.substring(equals + 1));
            }
        }
        return new ProbeReport(cwd, variables, text);
    }
}
