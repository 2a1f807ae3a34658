package workbook.isolation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Linux's view of file locks: {@code /proc/locks} lists every lock held and, marked {@code ->}, every
 * request that is blocked waiting for one, with the pid of the process waiting.
 */
final class LockWatcher {

    private LockWatcher() {
    }

    /** @return true if Linux shows process {@code pid} blocked waiting for a file lock */
    static boolean isWaitingForAFileLock(long pid) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/locks"));
        for (String line : lines) {
            String[] fields = line.trim().split("\\s+");
            // "7: -> POSIX  ADVISORY  WRITE 4242 fe:00:1234 0 EOF"
            if (fields.length > 5 && fields[1].equals("->") && fields[5].equals(Long.toString(pid))) {
                return true;
            }
        }
        return false;
    }

    /** @return the lock lines of /proc/locks, for a failure message */
    static Optional<String> describe() {
        try {
            return Optional.of(String.join("\n", Files.readAllLines(Path.of("/proc/locks"))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
