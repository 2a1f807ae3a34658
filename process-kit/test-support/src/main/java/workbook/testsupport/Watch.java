package workbook.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The watch mode ({@code ./mvnw -q -Pwatch}): watches every module's {@code src/main/java} and, each time a
 * file is saved, re-runs the tests of the exercise being worked on, with the same fast command the board's
 * {@code Re-run:} line gives, so the board is printed again after every save. It starts with the next
 * unfinished exercise (the first TODO left, in exercise order) and ends on Ctrl-C.
 *
 * <p>The exercise of a saved file is the one whose {@code throw new Todo("N.M")} that file held when the
 * watch first saw it (the student is replacing it); a file that never held one runs every exercise of its
 * module. Each run is a child {@code mvnw} whose output goes straight to the console. On Ctrl-C the
 * terminal interrupts the whole process group; the shutdown hook also ends the running build and its
 * descendants (the Surefire JVM and whatever the tests started), so that nothing is left behind even if
 * only this process was told to stop.
 *
 * <p>It uses the JDK alone, so that the {@code watch} profile runs this source file with Java's source
 * launcher, in the top folder, without building anything first.
 */
public final class Watch {

    private static final Pattern TODO = Pattern.compile("throw\\s+new\\s+(?:workbook\\.exercise\\.)?Todo\\s*\\(\\s*\"(\\d+\\.\\d+)\"\\s*\\)");
    /** Editors write a file in several steps; changes closer together than this are one save. */
    private static final long QUIET_MILLIS = 400;

    private final Path root;
    private final List<String> wrapper;
    /** Per source file, every exercise whose TODO it has held since the watch started. */
    private final Map<Path, Set<String>> todosSeen = new HashMap<>();
    private volatile Process build;

    Watch(Path root, List<String> wrapper) {
        this.root = root;
        this.wrapper = wrapper;
    }

    /**
     * @param args the workbook's top folder
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: Watch WORKBOOK_DIR (the watch profile of the parent POM passes it)");
        }
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        List<String> wrapper = windows ? List.of("cmd.exe", "/c", root.resolve("mvnw.cmd").toString()) : List.of(root.resolve("mvnw").toString());
        new Watch(root, wrapper).run();
    }

    void run() throws IOException, InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopBuild, "watch-stop-build"));
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            List<Path> modules = modules();
            for (Path module : modules) {
                registerTree(watcher, module.resolve("src/main/java"));
                sourceFiles(module).forEach(this::remember);
            }
            Optional<String[]> first = nextUnfinished(modules);
            if (first.isPresent()) {
                runTests(first.get()[0], first.get()[1]);
            } else {
                say("No TODO is left in module-*/src/main/java. Save a file to re-run its module's tests.");
            }
            while (true) {
                say("Watching module-*/src/main/java: save a file to re-run its exercise's tests. Ctrl-C stops.");
                Set<Path> saved = nextSave(watcher);
                Path file = saved.iterator().next();
                Path module = root.resolve(root.relativize(file).getName(0));
                Set<String> ids = new TreeSet<>(Comparator.comparing(Watch::order));
                saved.forEach(f -> ids.addAll(remember(f)));
                String moduleName = module.getFileName().toString();
                runTests(moduleName, ids.isEmpty() ? moduleNumber(moduleName) : String.join(",", ids));
            }
        } catch (ClosedWatchServiceException stopped) {
            // Ctrl-C while waiting.
        }
    }

    /** @return the first saved file and any other saved within {@link #QUIET_MILLIS} of the last, in module-*&#47;src/main/java */
    private Set<Path> nextSave(WatchService watcher) throws IOException, InterruptedException {
        Set<Path> saved = new LinkedHashSet<>();
        WatchKey key = watcher.take();
        while (key != null) {
            Path folder = (Path) key.watchable();
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.context() instanceof Path name) {
                    Path changed = folder.resolve(name);
                    if (Files.isDirectory(changed)) {
                        registerTree(watcher, changed);
                    } else if (changed.toString().endsWith(".java")) {
                        saved.add(changed);
                    }
                }
            }
            key.reset();
            key = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
            if (key == null && saved.isEmpty()) {
                key = watcher.take();
            }
        }
        return saved;
    }

    private void runTests(String module, String exercise) throws IOException, InterruptedException {
        List<String> arguments = List.of("-q", "test", "-pl", module, "-am", "-Dexercise=" + exercise);
        List<String> command = new ArrayList<>(wrapper);
        command.addAll(arguments);
        say((exercise.contains(".") ? "exercise " : "module ") + exercise + ": ./mvnw " + String.join(" ", arguments));
        Process started = new ProcessBuilder(command).directory(root.toFile()).inheritIO().start();
        build = started;
        started.waitFor();
        build = null;
    }

    private void stopBuild() {
        Process running = build;
        if (running == null) {
            return;
        }
        running.descendants().forEach(ProcessHandle::destroy);
        running.destroy();
        try {
            if (!running.waitFor(10, TimeUnit.SECONDS)) {
                running.descendants().forEach(ProcessHandle::destroyForcibly);
                running.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the exercises whose TODO the file holds now or held before; remembers the new ones */
    Set<String> remember(Path file) {
        Set<String> seen = todosSeen.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new TreeSet<>());
        seen.addAll(todosIn(file));
        return seen;
    }

    static Set<String> todosIn(Path file) {
        Set<String> ids = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String code = line.contains("//") ? line.substring(0, line.indexOf("//")) : line;
                Matcher todo = TODO.matcher(code);
                while (todo.find()) {
                    ids.add(todo.group(1));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // Deleted, or being written: it has no TODO we can see.
        }
        return ids;
    }

    /** @return the module and the id of the first exercise, in exercise order, whose TODO is still in the source */
    Optional<String[]> nextUnfinished(List<Path> modules) throws IOException {
        for (Path module : modules) {
            Optional<String> first = sourceFiles(module).stream().flatMap(f -> todosIn(f).stream()).min(Comparator.comparing(Watch::order));
            if (first.isPresent()) {
                return Optional.of(new String[] {module.getFileName().toString(), first.get()});
            }
        }
        return Optional.empty();
    }

    private static long order(String id) {
        String[] parts = id.split("\\.");
        return Long.parseLong(parts[0]) * 100_000 + Long.parseLong(parts[1]);
    }

    static String moduleNumber(String module) {
        Matcher number = Pattern.compile("module-0*(\\d+).*").matcher(module);
        return number.matches() ? number.group(1) : module;
    }

    private List<Path> modules() throws IOException {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(p -> p.getFileName().toString().startsWith("module-") && Files.isDirectory(p.resolve("src/main/java")))
                    .sorted().toList();
        }
    }

    private static List<Path> sourceFiles(Path module) throws IOException {
        try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static void registerTree(WatchService watcher, Path top) throws IOException {
        try (Stream<Path> folders = Files.walk(top)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            }
        }
    }

    private static void say(String text) {
        System.out.println("[watch] " + text);
        System.out.flush();
    }
}
