package workbook.isolation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import workbook.process.JavaCommand;

/**
 * Exercise 4.4: environment variables and the working directory belong to a process.
 *
 * <p>A child starts with a copy of its parent's environment and working directory; from then on each
 * process has its own. A Java program cannot change its own environment or working directory at all
 * ({@link System#getenv()} is read-only, and setting the {@code user.dir} property changes neither the
 * real working directory nor that of any child), but it can give a child different ones when it
 * creates it, through {@link ProcessBuilder#environment()} and {@link ProcessBuilder#directory(java.io.File)}.
 */
public final class ChildContext {

    private ChildContext() {
    }

    /**
     * Starts {@code mainClass} in a fresh JVM whose working directory is {@code workingDirectory} and
     * whose environment is this JVM's environment changed by {@code environmentChanges}: a name mapped
     * to a value sets that variable, a name mapped to {@code null} removes it, and every other variable
     * is inherited unchanged. This JVM's own working directory, environment and system properties are
     * not changed. Returns at once; the caller waits for the child and reads its output.
     *
     * @param mainClass the class whose {@code main} the child runs (use {@code workbook.process.JavaCommand})
     * @param workingDirectory an existing directory: the child's working directory
     * @param environmentChanges variables to set (non-null value) or remove (null value) in the child
     * @param args the arguments the child's {@code main} receives
     * @return the started child
     * @throws NullPointerException if {@code mainClass}, {@code workingDirectory}, {@code environmentChanges}
     *         or {@code args} is null
     * @throws IllegalArgumentException if {@code workingDirectory} is not an existing directory, or a
     *         variable name is empty or contains {@code '='} (the message names the culprit)
     * @throws java.io.UncheckedIOException if the child cannot be started
     */
    public static Process start(Class<?> mainClass, Path workingDirectory, Map<String, String> environmentChanges,
            String... args) {
        Objects.requireNonNull(mainClass, "mainClass must not be null");
        Objects.requireNonNull(workingDirectory, "workingDirectory must not be null");
        Objects.requireNonNull(environmentChanges, "environmentChanges must not be null (pass an empty map for none)");
        Objects.requireNonNull(args, "args must not be null (pass no arguments instead)");
        if (!Files.isDirectory(workingDirectory)) {
            throw new IllegalArgumentException("the working directory " + workingDirectory
                    + " does not exist or is not a directory: create it before starting the child");
        }
        environmentChanges.keySet().forEach(ChildContext::requireValidName);

        ProcessBuilder builder = new ProcessBuilder(JavaCommand.forClass(mainClass, args));
        // Both are properties of the child only: this JVM keeps its own directory and environment.
        builder.directory(workingDirectory.toFile());
        Map<String, String> environment = builder.environment(); // a copy of ours, for the child
        environmentChanges.forEach((name, value) -> {
            if (value == null) {
                environment.remove(name);
            } else {
                environment.put(name, value);
            }
        });
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + mainClass.getName() + " in " + workingDirectory
                    + " with arguments " + Arrays.toString(args) + ": " + e.getMessage(), e);
        }
    }

    private static void requireValidName(String name) {
        if (name == null || name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("'" + name + "' is not a valid environment variable name:"
                    + " a name is non-empty and contains neither '=' nor a NUL character");
        }
    }
}
