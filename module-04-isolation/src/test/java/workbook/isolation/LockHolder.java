package workbook.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * The experiment that shows whether {@link FileCounter#incrementLocked(Path)} really locks the whole
 * read-modify-write: this test JVM takes the file lock, a child tries to increment, and (once Linux shows
 * the child blocked on the lock) the test changes the value under its lock and releases it. A child that
 * locks before reading must then read the new value; one that read before locking writes a stale value.
 */
final class LockHolder {

    private LockHolder() {
    }

    /**
     * @param counterFile the counter file, holding {@code initial}
     * @param replacement the value the test writes while the child waits
     */
    static void assertChildWaitsAndSeesTheNewValue(Path counterFile, long initial, long replacement) throws Exception {
        Files.writeString(counterFile, Long.toString(initial), StandardCharsets.US_ASCII);
        OneIncrement child = new OneIncrement(counterFile);
        try (FileChannel channel = FileChannel.open(counterFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.lock();
            child.captureOutput();
            child.start();

            await("the child blocked on the file lock, or ended").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> !child.isAlive() || LockWatcher.isWaitingForAFileLock(child.pid()));
            assertThat(child.isAlive())
                    .as("the child (pid %d) ended while this test held the lock on %s: incrementLocked did not wait for"
                            + " the file lock. A synchronized block or a ReentrantLock only excludes threads of one JVM;"
                            + " take FileChannel.lock() before reading. The child wrote:%n%s%s",
                            child.pid(), counterFile.getFileName(), child.output(), child.errorOutput())
                    .isTrue();

            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(replacement).getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            lock.release();
        }
        try {
            assertThat(child.join(Duration.ofSeconds(30))).as("the child ended within 30 s of the lock's release").isTrue();
        } finally {
            if (child.isAlive()) {
                child.kill();
                child.join(Duration.ofSeconds(10));
            }
        }
        assertThat(child.exitStatus().orElseThrow().isSuccess())
                .as("the child's increment succeeded; it wrote on standard error:%n%s", child.errorOutput()).isTrue();
        assertThat(Files.readString(counterFile, StandardCharsets.US_ASCII))
                .as("the counter after the test, holding the lock, changed it from %d to %d and the waiting child"
                        + " incremented it: a child that read the value before taking the lock writes %d, a stale"
                        + " value, and the update made under the lock is lost", initial, replacement, initial + 1)
                .isEqualTo(Long.toString(replacement + 1));
    }

}
