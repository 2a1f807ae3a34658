package workbook.isolation;

import java.nio.file.Path;
import java.util.Map;
import workbook.exercise.Todo;

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
        throw new Todo("4.4");
    }
}
