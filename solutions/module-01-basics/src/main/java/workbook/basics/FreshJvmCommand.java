package workbook.basics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Exercise 1.1: the command line that runs a Java class in a fresh JVM.
 *
 * <p>A new process starts from a program file and a list of arguments. For a Java program the program
 * is the {@code java} launcher; the class path, the named parameters and the class to run are its
 * arguments. Building the command as a list, one element per argument, means no shell ever reads it:
 * spaces, quotes, {@code $HOME} and {@code *} reach the child exactly as written.
 */
public final class FreshJvmCommand {

    private FreshJvmCommand() {
    }

    /**
     * Builds {@code <java.home>/bin/java [-Dkey=value ...] -cp <classPath> <mainClass> [args ...]}.
     *
     * <p>The launcher is the one running this JVM ({@code java.exe} on Windows). Each system property
     * becomes one {@code -Dkey=value} element, in the map's iteration order, before {@code -cp}. Every
     * argument becomes exactly one element, unchanged, after the class name.
     *
     * @param classPath where the child finds its classes (may contain spaces)
     * @param systemProperties named parameters for the child, read there with {@code System.getProperty}
     * @param mainClass the fully qualified name of the class whose {@code main} runs
     * @param args the arguments of that {@code main}, each passed on as it is
     * @return the command, a new list
     * @throws NullPointerException if any parameter, key, value or argument is null
     * @throws IllegalArgumentException if {@code mainClass} is blank or a property key is empty or holds {@code '='}
     */
    public static List<String> build(String classPath, Map<String, String> systemProperties, String mainClass, List<String> args) {
        Objects.requireNonNull(classPath, "classPath must not be null");
        Objects.requireNonNull(systemProperties, "systemProperties must not be null (pass Map.of() for none)");
        Objects.requireNonNull(mainClass, "mainClass must not be null");
        Objects.requireNonNull(args, "args must not be null (pass List.of() for none)");
        if (mainClass.isBlank()) {
            throw new IllegalArgumentException("mainClass must name a class, such as com.example.Main; it was blank");
        }

        List<String> command = new ArrayList<>();
        command.add(javaLauncher().toString());
        systemProperties.forEach((key, value) -> command.add(systemProperty(key, value)));
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        for (String arg : args) {
            command.add(Objects.requireNonNull(arg, "an argument was null: every argument must be a string"));
        }
        return command;
    }

    private static Path javaLauncher() {
        boolean windows = System.getProperty("os.name").startsWith("Windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
    }

    private static String systemProperty(String key, String value) {
        Objects.requireNonNull(key, "a system property key was null");
        Objects.requireNonNull(value, "the value of system property '" + key + "' was null");
        if (key.isEmpty() || key.contains("=")) {
            throw new IllegalArgumentException("system property key '" + key + "' must be non-empty and must not contain '='");
        }
        return "-D" + key + "=" + value;
    }
}
