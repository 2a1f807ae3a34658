package workbook.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prints the {@link Scoreboard} as the very last thing a build writes, after Maven's own summary and
 * error messages, whichever modules failed.
 *
 * <p>Why this way: Maven writes its reactor summary, "BUILD FAILURE" and the error block after the last
 * module, so nothing a test or a later module prints can come last. Only code running inside Maven's
 * own JVM when it exits can. A Maven core extension would do that, but it must be downloaded before
 * the build starts, and a student's fresh clone has nothing to download it from. So each exercise
 * module runs this class with {@code exec:java} (in Maven's JVM, from the module's test class path) at
 * the start of its build; the first call registers a JVM shutdown hook, every call adds its module to the
 * list. When Maven exits, the hook renders the board for those modules from the results on disk.
 * Maven's exit code is untouched.
 *
 * <p>The hook loads the board from a class loader of its own: the one {@code exec:java} used may be
 * closed by then. The list of modules lives in a system property because every {@code exec:java} call
 * loads this class afresh, so a static field would not survive from one module to the next.
 *
 * <p>A build that only compiles ({@code test-compile}, {@code -DskipTests}) must not read as a broken one,
 * and "did not compile" must mean that the compiler failed. So the board is told how far each module got:
 * two more {@code exec:java} calls, bound right after the compiler's own executions in the {@code compile}
 * and {@code test-compile} phases, add the module to {@value #COMPILED} and {@value #TESTS_COMPILED}
 * (Maven runs a phase's default executions before the POM's, and stops a module at its first failing
 * step, so a module the compiler rejected never gets there); whether its tests ran is told by the
 * {@value ResultsRecorder#TESTS_RAN} stamp, removed here at the start of the module's build and written by
 * the {@link ResultsRecorder} when a test run starts. See {@link Scoreboard.Stage}.
 *
 * <p>Earlier results are forgotten by the {@link ResultsRecorder} when the tests of a full build (no
 * {@code -Dexercise}) start, not here: a build that runs no test keeps them, and the board shows them as
 * earlier results. This class only asks for it, with the {@value ResultsRecorder#FORGET} stamp.
 *
 * <p>With {@code -Dworkbook.ci=true} the hook also writes the {@link CiReport} for a CI job (the board as
 * Markdown, one annotation per unfinished exercise at the student's line, a small JSON summary).
 */
public final class ScoreboardAtExit {

    /** The system property (of Maven's JVM) that lists the modules built in this session. */
    static final String MODULES = "workbook.scoreboard.modules";
    /** The system property (of Maven's JVM) that lists the modules whose main code compiled in this session. */
    static final String COMPILED = "workbook.scoreboard.compiled";
    /** The system property (of Maven's JVM) that lists the modules whose tests compiled in this session. */
    static final String TESTS_COMPILED = "workbook.scoreboard.testsCompiled";
    /** Set to {@code true} to build without printing the board. */
    static final String SKIP = "workbook.scoreboard.skip";

    private ScoreboardAtExit() {
    }

    /**
     * @param args the module's folder; then nothing (the start of its build), {@code compiled} (its main code
     *     compiled) or {@code tests-compiled} (its tests compiled)
     */
    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !List.of("compiled", "tests-compiled").contains(args[1]))) {
            throw new IllegalArgumentException("usage: ScoreboardAtExit MODULE_DIR [compiled|tests-compiled] (the exec:java executions"
                    + " in the parent POM pass ${project.basedir})");
        }
        if (Boolean.getBoolean(SKIP)) {
            return;
        }
        String module = Path.of(args[0]).toAbsolutePath().normalize().toString();
        if (args.length == 2) {
            synchronized (ScoreboardAtExit.class.getName().intern()) {
                add(args[1].equals("compiled") ? COMPILED : TESTS_COMPILED, module);
            }
            return;
        }
        Path results = Path.of(module).resolve(ResultsRecorder.RESULTS_FOLDER);
        String selection = System.getProperty(ExerciseSelection.PROPERTY);
        try {
            Files.deleteIfExists(results.resolve(ResultsRecorder.TESTS_RAN));
            if (selection == null || selection.isBlank()) {
                Files.createDirectories(results);
                Files.writeString(results.resolve(ResultsRecorder.FORGET), "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reset " + ResultsRecorder.TESTS_RAN + " in " + module + "; delete its target folder and run again", e);
        }
        // One lock for the whole JVM (each module's copy of this class has its own class object), in
        // case Maven builds modules in parallel (-T).
        synchronized (ScoreboardAtExit.class.getName().intern()) {
            if (System.getProperty(MODULES) == null) {
                registerHook(kitLocation(), workbookRoot(Path.of(module)));
            }
            add(MODULES, module);
        }
    }

    private static void add(String property, String module) {
        String known = System.getProperty(property);
        if (known == null || known.isEmpty()) {
            System.setProperty(property, module);
        } else if (!Arrays.asList(known.split(File.pathSeparator)).contains(module)) {
            System.setProperty(property, known + File.pathSeparator + module);
        }
    }

    private static URL kitLocation() {
        return ScoreboardAtExit.class.getProtectionDomain().getCodeSource().getLocation();
    }

    /** @return the folder Maven was started in for this workbook (it holds {@code .mvn}), else the module's parent */
    private static String workbookRoot(Path module) {
        String root = System.getProperty("maven.multiModuleProjectDirectory");
        if (root != null && Path.of(root).resolve("pom.xml").toFile().isFile() && module.startsWith(Path.of(root).toAbsolutePath())) {
            return root;
        }
        return String.valueOf(module.getParent());
    }

    private static void registerHook(URL kit, String root) {
        ThreadGroup top = Thread.currentThread().getThreadGroup();
        while (top.getParent() != null) {
            top = top.getParent();
        }
        // The group exec:java runs us in may be destroyed before Maven exits; the top group is not.
        Thread hook = new Thread(top, () -> print(kit, root), "workbook-scoreboard");
        hook.setContextClassLoader(null);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Runs at exit; uses nothing but the JDK until it has a fresh class loader for the kit. */
    private static void print(URL kit, String root) {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {kit}, ClassLoader.getPlatformClassLoader())) {
            Class<?> board = loader.loadClass(ScoreboardAtExit.class.getName());
            Method render = board.getDeclaredMethod("renderAtExit", String.class, String.class, String.class, String.class, String.class);
            render.setAccessible(true);
            String text = (String) render.invoke(null, root, System.getProperty(MODULES, ""), System.getProperty(COMPILED, ""),
                    System.getProperty(TESTS_COMPILED, ""), System.getProperty(ExerciseSelection.PROPERTY));
            System.out.print(text);
            System.out.flush();
        } catch (Throwable e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
            System.err.println("[workbook] the scoreboard could not be printed: " + cause);
        }
    }

    /**
     * Called reflectively, in the fresh class loader.
     *
     * @param modules the modules whose build started, {@link File#pathSeparator}-separated; so are the next two
     * @param compiled those whose main code compiled
     * @param testsCompiled those whose tests compiled
     */
    static String renderAtExit(String root, String modules, String compiled, String testsCompiled, String selection) {
        Map<Path, Scoreboard.Stage> ran = new LinkedHashMap<>();
        List<String> main = split(compiled);
        List<String> tests = split(testsCompiled);
        for (String module : split(modules)) {
            Path directory = Path.of(module);
            Scoreboard.Stage stage = !main.contains(module) ? Scoreboard.Stage.STARTED
                    : !tests.contains(module) ? Scoreboard.Stage.COMPILED
                    : Files.isRegularFile(directory.resolve(ResultsRecorder.RESULTS_FOLDER).resolve(ResultsRecorder.TESTS_RAN))
                            ? Scoreboard.Stage.TESTED : Scoreboard.Stage.TESTS_COMPILED;
            ran.put(directory, stage);
        }
        Optional<String> limitedTo = Optional.ofNullable(selection).filter(s -> !s.isBlank());
        String board = Scoreboard.render(Path.of(root), ran, limitedTo);
        if (Boolean.getBoolean(CiReport.PROPERTY)) {
            try {
                CiReport.write(Path.of(root), Scoreboard.modules(Path.of(root), ran, limitedTo));
            } catch (IOException | RuntimeException e) {
                // The board still comes last; the CI steps that read the report then say it is missing.
                return "[workbook] the CI report could not be written: " + e + System.lineSeparator() + board;
            }
        }
        return board;
    }

    private static List<String> split(String paths) {
        return paths == null ? List.of() : Arrays.stream(paths.split(File.pathSeparator)).filter(s -> !s.isBlank()).toList();
    }
}
