package workbook.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The walls around a submission's test JVMs, built from what Linux already provides (bubblewrap's
 * namespaces, {@code setpriv}, {@code prlimit}), never a home-made isolation layer.
 *
 * <p>Maven itself is the instructor's (pristine POMs, the kit, the plugins): it runs as the grader's user,
 * in a network namespace of its own that has only a loopback interface ({@link #mavenPrefix()}). Student
 * code runs only in the test JVMs that Surefire forks, and Surefire starts each of them through a launcher
 * script ({@link #launcher}) that puts it in a sandbox:
 * <ul>
 *   <li><b>its own PID namespace</b>: the test JVM and everything it starts see only each other, and when
 *       the test JVM ends the kernel kills whatever is left, however it detached or cleared its
 *       environment. Maven, the grader and other submissions are invisible, so their pipes and
 *       {@code /proc} entries are out of reach;</li>
 *   <li><b>no network but loopback</b> (Maven's namespace; module 05 needs 127.0.0.1);</li>
 *   <li><b>a minimal, read-only file system</b>: the system folders, the JDK, the local Maven repository and
 *       this grading copy, all read-only; a private {@code /tmp} of bounded size; writable only the
 *       module's results folder. The instructor edition (with {@code solutions/}), the output folder and
 *       other submissions are not there at all;</li>
 *   <li><b>another user</b>, one that owns none of the grader's files, with limits on its processes
 *       (a fork storm ends there), on the size of any file it writes and on each process's memory.</li>
 * </ul>
 * Where bubblewrap is missing or not allowed (macOS, a container without user namespaces), the level is
 * {@link Level#NONE}: the grader then says so in every report and falls back on its other defences (the
 * run's environment mark, the tripwire, the record cross-checks).
 */
final class Sandbox {

    /** How strongly a submission's test JVMs are walled off. */
    enum Level {
        /** bubblewrap: PID, mount, IPC and UTS namespaces, loopback-only network, another user, limits. */
        BWRAP("bubblewrap (own PID namespace, loopback-only network, read-only files, another user, limits)"),
        /** No sandbox: the test JVMs run as the grader's user, with the grader's view of the machine. */
        NONE("none (the test JVMs ran as the grader's user: see the grader's warning)");

        private final String description;

        Level(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    /** Most tasks (processes and threads) the sandbox's user may have at once. */
    static final int MAX_TASKS = 4096;
    /** Largest file a test JVM may write. */
    static final long MAX_FILE_BYTES = 512L * 1024 * 1024;
    /** Size of the private {@code /tmp}. */
    static final long TMP_BYTES = 1024L * 1024 * 1024;
    /** Most virtual memory of one process (a JVM reserves far more than it uses, so this is generous). */
    static final long MAX_ADDRESS_SPACE = 16L * 1024 * 1024 * 1024;

    /** The first of the user ids the sandboxes run as, one per submission graded at the same time. */
    private static final int FIRST_UID = 61000;
    private static final AtomicInteger NEXT_UID = new AtomicInteger();

    private final Level level;
    private final String warning;

    private Sandbox(Level level, String warning) {
        this.level = level;
        this.warning = warning;
    }

    /**
     * Chooses the sandbox: {@code auto} takes bubblewrap when it works here and warns when it does not;
     * {@code bwrap} insists on it; {@code none} runs without one (for a machine where each submission gets
     * a throwaway container anyway).
     */
    static Sandbox choose(String requested) {
        String wanted = requested.toLowerCase(Locale.ROOT);
        switch (wanted) {
            case "none":
                return new Sandbox(Level.NONE, "the sandbox was switched off (--sandbox none)");
            case "auto":
            case "bwrap":
                String problem = bubblewrapProblem();
                if (problem.isEmpty()) {
                    return new Sandbox(Level.BWRAP, "");
                }
                if (wanted.equals("bwrap")) {
                    throw new IllegalStateException("--sandbox bwrap: " + problem);
                }
                return new Sandbox(Level.NONE, problem + "; install bubblewrap (Debian/Ubuntu: apt-get install bubblewrap) and grade as root");
            default:
                throw new IllegalArgumentException("--sandbox must be auto, bwrap or none, got '" + requested + "'");
        }
    }

    Level level() {
        return level;
    }

    /** @return why there is no sandbox, or empty when there is one */
    String warning() {
        return warning;
    }

    /** @return a user id for one submission's test JVMs, not shared with a submission graded at the same time */
    static int nextUid() {
        return FIRST_UID + Math.floorMod(NEXT_UID.getAndIncrement(), 1000);
    }

    /**
     * @return the command that Maven's test runs are started under: a network namespace with only a loopback
     *     interface (and the rest of the machine as it is), or nothing without a sandbox
     */
    List<String> mavenPrefix() {
        if (level == Level.NONE) {
            return List.of();
        }
        // Capabilities are kept so that the launcher can build the test JVMs' own sandbox inside this one. The
        // PID namespace makes Maven and everything under it die with the grader, whatever ends the grader.
        return List.of("bwrap", "--unshare-net", "--unshare-pid", "--die-with-parent", "--cap-add", "ALL",
                "--bind", "/", "/", "--dev-bind", "/dev", "/dev", "--proc", "/proc", "--");
    }

    /**
     * Writes the launcher Surefire starts each test JVM with ({@code -Djvm=...}), in the grading copy.
     * Without a sandbox it only discards the JVM's own standard output and error (what tests print still
     * reaches Surefire through its channel, into files): otherwise student code writing straight to file
     * descriptor 1 would appear verbatim in Maven's log, where it could imitate Surefire's summary lines.
     *
     * @param copy the grading copy (read-only inside the sandbox)
     * @param repository the local Maven repository (read-only inside the sandbox)
     * @param uid the user the test JVMs run as
     * @return the launcher, a path ending in {@code bin/java} as Surefire requires
     */
    Path launcher(Path copy, Path repository, int uid) throws IOException {
        Path home = Path.of(System.getProperty("java.home"));
        Path launcher = copy.resolve(".grading/bin/java");
        Files.createDirectories(launcher.getParent());
        if (Files.isRegularFile(home.resolve("release"))) { // where Surefire reads the JDK's version
            Files.copy(home.resolve("release"), copy.resolve(".grading/release"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        String java = quote(home.resolve("bin").resolve("java").toString());
        StringBuilder script = new StringBuilder("#!/bin/sh\n");
        script.append("# Written by the grader (workbook.grading.Sandbox): Surefire starts each test JVM through this file.\n");
        if (level == Level.NONE) {
            script.append("exec ").append(java).append(" \"$@\" >/dev/null 2>&1\n");
        } else {
            script.append("module=$PWD\n");
            script.append("out=/dev/null; [ -z \"${WORKBOOK_SANDBOX_CHECK:-}\" ] || out=/dev/stderr\n");
            script.append("exec prlimit --nproc=").append(MAX_TASKS).append(" --fsize=").append(MAX_FILE_BYTES)
                    .append(" --as=").append(MAX_ADDRESS_SPACE).append(" -- \\\n");
            script.append("  bwrap --unshare-pid --unshare-ipc --unshare-uts --unshare-cgroup-try --die-with-parent --new-session \\\n");
            script.append("    --cap-add CAP_SETUID --cap-add CAP_SETGID \\\n");
            script.append("    --ro-bind /usr /usr --ro-bind-try /bin /bin --ro-bind-try /sbin /sbin --ro-bind-try /lib /lib \\\n");
            script.append("    --ro-bind-try /lib64 /lib64 --ro-bind-try /lib32 /lib32 --ro-bind /etc /etc --ro-bind-try /sys /sys \\\n");
            script.append("    --proc /proc --dev /dev --perms 1777 --size ").append(TMP_BYTES).append(" --tmpfs /tmp \\\n");
            List<Path> readOnly = new ArrayList<>(List.of(home, copy));
            if (Files.isDirectory(repository)) {
                readOnly.add(repository);
            }
            List<Path> made = new ArrayList<>(List.of(Path.of("/tmp")));
            for (Path path : readOnly) {
                // bubblewrap makes missing parent folders readable by root only; the sandbox's user must pass
                for (int i = 1; i < path.getNameCount(); i++) {
                    Path parent = path.getRoot().resolve(path.subpath(0, i));
                    if (!made.contains(parent) && !isSystemFolder(parent)) {
                        made.add(parent);
                        script.append("    --perms 0755 --dir ").append(quote(parent.toString())).append(" \\\n");
                    }
                }
                script.append("    --ro-bind ").append(quote(path.toString())).append(' ').append(quote(path.toString())).append(" \\\n");
            }
            script.append("    --bind \"$module/target/workbook-results\" \"$module/target/workbook-results\" \\\n");
            script.append("    --setenv HOME /tmp --setenv TMPDIR /tmp --chdir \"$module\" \\\n");
            // The grader's group stays a supplementary group: the local repository and the copy may be readable by
            // their group only (a umask of 027). Everything bound is read-only, so the group grants reading only.
            script.append("    -- setpriv --reuid=").append(uid).append(" --regid=").append(uid)
                    .append(" --groups=").append(groupOf(Files.isDirectory(repository) ? repository : copy))
                    .append(" --inh-caps=-all --bounding-set=-all --no-new-privs \\\n");
            script.append("    ").append(java).append(" \"$@\" >\"$out\" 2>&1\n");
        }
        Files.writeString(launcher, script.toString(), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        return launcher;
    }

    /**
     * Starts a small Java program through the launcher, from a module folder, the way Surefire will, and has
     * it read what a test JVM reads (the local repository, the module's classes) and write where it writes.
     * A sandbox that cannot do that would leave Surefire waiting for a test JVM that never connects, until
     * the time limit.
     *
     * @throws IllegalStateException with the sandbox's own message if it does not work
     */
    void check(Path launcher, Path module, Path repository) throws IOException, InterruptedException {
        Path probe = launcher.getParent().getParent().resolve("SandboxProbe.java");
        Files.writeString(probe, String.join("\n",
                "import java.nio.file.*;",
                "class SandboxProbe {",
                "    public static void main(String[] args) throws Exception {",
                "        for (int i = 0; i < args.length - 1; i++) {",
                "            try (var files = Files.walk(Path.of(args[i]), 2)) {",
                "                for (Path f : (Iterable<Path>) files::iterator) {",
                "                    if (Files.isRegularFile(f)) { Files.newInputStream(f).close(); }",
                "                }",
                "            }",
                "        }",
                "        Files.delete(Files.createTempFile(Path.of(args[args.length - 1]), \"probe\", \".tmp\"));",
                "        Files.delete(Files.createTempFile(\"probe\", \".tmp\"));",
                "    }",
                "}", ""), StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(mavenPrefix());
        command.addAll(List.of(launcher.toString(), probe.toString(), repository.toString(),
                module.resolve("target").toString(), module.resolve("target/workbook-results").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(module.toFile()).redirectErrorStream(true);
        builder.environment().put("WORKBOOK_SANDBOX_CHECK", "1");
        Process p = builder.start();
        p.getOutputStream().close();
        byte[] said = p.getInputStream().readNBytes(4096);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        if (p.isAlive() || p.exitValue() != 0) {
            throw new IllegalStateException("the sandbox cannot run a test JVM here (" + MavenRun.lenient(said).strip()
                    + "); fix it, or grade with --sandbox none");
        }
    }

    /**
     * Prepares a module of the grading copy for a sandboxed test run: its results folder exists, is empty,
     * and belongs to the sandbox's user (the only place a test JVM may write).
     */
    void prepare(Path module, int uid) throws IOException, InterruptedException {
        Path results = module.resolve("target/workbook-results");
        Edition.deleteTree(results);
        Files.createDirectories(results);
        if (level == Level.BWRAP) {
            run(List.of("chown", uid + ":" + uid, results.toString()));
        }
    }

    /** @return the local Maven repository Maven uses ({@code -Dmaven.repo.local} in GRADE_MAVEN_ARGS, else ~/.m2) */
    static Path localRepository() {
        for (String arg : MavenRun.extraArguments()) {
            if (arg.startsWith("-Dmaven.repo.local=")) {
                return Path.of(arg.substring("-Dmaven.repo.local=".length())).toAbsolutePath();
            }
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    private static int groupOf(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:gid");
    }

    private static boolean isSystemFolder(Path folder) {
        return List.of("/usr", "/bin", "/sbin", "/lib", "/lib64", "/lib32", "/etc", "/sys", "/proc", "/dev")
                .stream().anyMatch(top -> folder.startsWith(top));
    }

    /** @return why bubblewrap cannot be used here, or empty if a trial sandbox works */
    private static String bubblewrapProblem() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return "no sandbox on " + System.getProperty("os.name") + " (bubblewrap needs Linux)";
        }
        try {
            int status = run(List.of("bwrap", "--unshare-pid", "--unshare-net", "--cap-add", "CAP_SETUID",
                    "--ro-bind", "/", "/", "--proc", "/proc", "--dev", "/dev",
                    "--", "setpriv", "--reuid=" + FIRST_UID, "--regid=" + FIRST_UID, "--groups=0", "true"));
            if (status != 0) {
                return "bubblewrap cannot build a sandbox here (a trial run exited with " + status
                        + "; the grader must run as root, or where unprivileged user namespaces are allowed)";
            }
            return run(List.of("prlimit", "--nproc=" + MAX_TASKS, "--", "true")) == 0 ? "" : "prlimit (util-linux) does not work here";
        } catch (IOException e) {
            return "bubblewrap (bwrap), setpriv or prlimit is not installed";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while trying the sandbox";
        }
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
