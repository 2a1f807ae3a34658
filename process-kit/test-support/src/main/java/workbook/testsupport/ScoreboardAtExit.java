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
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

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
 * <p>A full run (no {@code -Dexercise}) also clears the module's earlier results here, before its tests
 * run: see {@link #forgetEarlierResults(Path)}. With {@code -Dworkbook.ci=true} the hook also writes
 * the {@link CiReport} for a CI job.
 */
public final class ScoreboardAtExit {

    /** The system property (of Maven's JVM) that lists the modules built in this session. */
    static final String MODULES = "workbook.scoreboard.modules";
    /** Set to {@code true} to build without printing the board. */
    static final String SKIP = "workbook.scoreboard.skip";

    private ScoreboardAtExit() {
    }

    /**
     * @param args the module's folder
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ScoreboardAtExit MODULE_DIR (the exec:java execution in the parent POM passes ${project.basedir})");
        }
        if (Boolean.getBoolean(SKIP)) {
            return;
        }
        String module = Path.of(args[0]).toAbsolutePath().normalize().toString();
        String selection = System.getProperty(ExerciseSelection.PROPERTY);
        if (selection == null || selection.isBlank()) {
            forgetEarlierResults(Path.of(module));
        }
        // One lock for the whole JVM (each module's copy of this class has its own class object), in
        // case Maven builds modules in parallel (-T).
        synchronized (ScoreboardAtExit.class.getName().intern()) {
            String known = System.getProperty(MODULES);
            if (known == null) {
                System.setProperty(MODULES, module);
                registerHook(kitLocation(), workbookRoot(Path.of(module)));
            } else if (!Arrays.asList(known.split(File.pathSeparator)).contains(module)) {
                System.setProperty(MODULES, known + File.pathSeparator + module);
            }
        }
    }

    /**
     * A full run starts from no results, so that the board never mixes in results of tests that did not
     * run this time (a renamed class, the hidden tests of an earlier grading run) and a module that then
     * fails to compile shows as not run. A run limited with {@code -Dexercise} keeps them: the board shows
     * the other exercises as last seen, and says so.
     */
    static void forgetEarlierResults(Path module) {
        Path folder = module.resolve(ResultsRecorder.RESULTS_FOLDER);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tsv") || f.toString().endsWith(StudentCode.WHERE_SUFFIX)).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the earlier test results in " + folder + "; delete the folder and run again", e);
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
            Method render = board.getDeclaredMethod("renderAtExit", String.class, String.class, String.class);
            render.setAccessible(true);
            String text = (String) render.invoke(null, root, System.getProperty(MODULES, ""), System.getProperty(ExerciseSelection.PROPERTY));
            System.out.print(text);
            System.out.flush();
        } catch (Throwable e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
            System.err.println("[workbook] the scoreboard could not be printed: " + cause);
        }
    }

    /** Called reflectively, in the fresh class loader. */
    static String renderAtExit(String root, String modules, String selection) {
        List<Path> ran = Arrays.stream(modules.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
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
}
