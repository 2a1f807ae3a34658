package workbook.basics.children;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A child with a shutdown hook, for the termination tests: {@code ShutdownHookChild polite <dir>} writes
 * {@code <dir>/cleaned-up} when asked to end; {@code ShutdownHookChild stubborn <dir>} refuses to end
 * (its hook never finishes). Both write {@code <dir>/ready} once the hook is installed, then wait.
 */
public final class ShutdownHookChild {
    public static void main(String[] args) throws IOException, InterruptedException {
        Path dir = Path.of(args[1]);
        boolean stubborn = args[0].equals("stubborn");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (stubborn) {
                    Thread.sleep(Long.MAX_VALUE);
                }
                Files.writeString(dir.resolve("cleaned-up"), "yes");
            } catch (IOException | InterruptedException e) {
                // The hook is the last thing this JVM does; nothing useful is left to report to.
            }
        }));
        Files.writeString(dir.resolve("ready"), "yes");
        Thread.sleep(Long.MAX_VALUE);
    }
}
