package workbook.process;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Builds the command line that runs a Java class in a fresh JVM, as a list of arguments (no shell,
 * so spaces, quotes and {@code $} in any element stay literal).
 *
 * <p>The command is {@code <java.home>/bin/java <options> -cp <class path> <main class> <args...>}:
 * the same Java that runs the parent, and the parent's class path (under Surefire that is the real
 * test class path). The parent's own JVM flags are deliberately <em>not</em> copied: they may hold a
 * debugger port or an agent that a second JVM cannot share.
 */
public final class JavaCommand {

    /**
     * Options that make a short-lived child JVM start faster and leave nothing behind: C1 only, no
     * {@code hsperfdata} file, UTF-8 everywhere, and on JDK 25 and later the serial collector.
     *
     * <p>Why the collector depends on the JDK (measured on the course machine, interleaved runs of an
     * empty {@code main}): on JDK 17 the default CDS archive holds heap objects archived with G1, which a
     * JVM started with {@code -XX:+UseSerialGC} cannot use, so that flag made start-up about 30 % slower
     * (median 238 ms against 184 ms under load); on JDK 25 it was slightly faster (121 ms against 127 ms).
     */
    public static final List<String> LEAN_JVM_OPTIONS = leanOptions(Runtime.version().feature());

    /** @return the lean options for a child running on JDK {@code feature} (the child runs the parent's Java) */
    static List<String> leanOptions(int feature) {
        List<String> options = new java.util.ArrayList<>(List.of("-XX:TieredStopAtLevel=1"));
        if (feature >= 25) {
            options.add("-XX:+UseSerialGC");
        }
        options.addAll(List.of("-XX:-UsePerfData", "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8"));
        return List.copyOf(options);
    }

    private JavaCommand() {
    }

    /**
     * The command that runs {@code mainClass} with the lean options and the given arguments.
     *
     * @param mainClass a class with a {@code public static void main(String[])}
     * @param args the arguments its {@code main} receives, each exactly as given
     * @return a new, modifiable list
     */
    public static List<String> forClass(Class<?> mainClass, String... args) {
        Objects.requireNonNull(mainClass, "mainClass must not be null");
        Objects.requireNonNull(args, "args must not be null (pass no arguments instead)");
        return forClass(mainClass, LEAN_JVM_OPTIONS, Arrays.asList(args));
    }

    /**
     * The command that runs {@code mainClass} with the given JVM options and arguments.
     *
     * @param mainClass a class with a {@code public static void main(String[])}
     * @param jvmOptions options placed before the class name, such as {@code -Dname=value}
     * @param args the arguments its {@code main} receives, each exactly as given
     * @return a new, modifiable list
     */
    public static List<String> forClass(Class<?> mainClass, List<String> jvmOptions, List<String> args) {
        Objects.requireNonNull(mainClass, "mainClass must not be null");
        requireNoNulls(jvmOptions, "jvmOptions");
        requireNoNulls(args, "args");
        List<String> command = new ArrayList<>();
        command.add(javaExecutable().toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath(mainClass));
        command.add(mainClass.getName());
        command.addAll(args);
        return command;
    }

    /** @return the {@code java} launcher of the JVM that is running this code */
    public static Path javaExecutable() {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
    }

    /**
     * The class path for a child: this JVM's {@code java.class.path}, or, when that is empty (some
     * launchers and IDE runners leave it so), the locations {@code classes} were loaded from.
     *
     * @param classes classes the child must be able to load
     * @return a class path string, entries separated by {@link File#pathSeparator}
     */
    public static String classPath(Class<?>... classes) {
        String inherited = System.getProperty("java.class.path", "");
        if (!inherited.isBlank()) {
            return inherited;
        }
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> type : classes) {
            entries.add(codeLocation(type));
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String codeLocation(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("cannot find where " + type.getName()
                    + " was loaded from, and java.class.path is empty: start this JVM with -cp so that"
                    + " its children can find their classes");
        }
        try {
            return Path.of(source.getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unusable code location for " + type.getName() + ": " + source.getLocation(), e);
        }
    }

    private static void requireNoNulls(List<String> list, String what) {
        Objects.requireNonNull(list, what + " must not be null (pass an empty list instead)");
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new IllegalArgumentException(what + "[" + i + "] is null: every element of a command line must be a string");
            }
        }
    }
}
