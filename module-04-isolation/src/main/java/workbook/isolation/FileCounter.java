package workbook.isolation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import workbook.exercise.Todo;

/**
 * Exercise 4.5: a counter kept in a file, which every process can reach.
 *
 * <p>Memory is private to a process; the file system is not. A file holding a number is a counter that
 * several processes share, and incrementing it is a <em>read-modify-write</em>: read the number, add
 * one, write it back. Two processes that read the same value both write the same next value, and one
 * increment is lost. Only a lock that other <em>processes</em> respect, held from before the read until
 * after the write, prevents that: {@link java.nio.channels.FileChannel#lock()}. A {@code synchronized}
 * block or a {@code ReentrantLock} lives in one JVM's memory, and another process never sees it.
 *
 * <p>The file holds the value as decimal digits; a missing or empty file counts as 0.
 */
public final class FileCounter {

    private FileCounter() {
    }

    /**
     * Given: reads the counter without any lock.
     *
     * @param counterFile the counter file
     * @return its value; 0 if the file is missing or empty
     * @throws IOException if the file cannot be read
     * @throws IllegalStateException if the file holds something other than a number
     */
    public static long read(Path counterFile) throws IOException {
        if (!Files.exists(counterFile)) {
            return 0;
        }
        return parse(Files.readString(counterFile, StandardCharsets.US_ASCII), counterFile);
    }

    /**
     * Given, and wrong on purpose: increments the counter with no lock at all. Run by several processes
     * at once, it loses updates (the lesson shows how many).
     *
     * @param counterFile the counter file; created if missing
     * @return the value it wrote
     * @throws IOException if the file cannot be read or written
     */
    public static long incrementUnlocked(Path counterFile) throws IOException {
        long next = read(counterFile) + 1;
        Files.writeString(counterFile, Long.toString(next), StandardCharsets.US_ASCII);
        return next;
    }

    /**
     * Increments the counter by exactly one, safely even when other processes increment it at the same
     * time: the whole read-modify-write happens under one {@link java.nio.channels.FileChannel#lock()}
     * of the file, taken before the read and released only after the new value is written.
     *
     * <p>The file is created if it is missing; a missing or empty file counts as 0. The new value is
     * written as decimal digits, replacing the old content entirely.
     *
     * @param counterFile the counter file
     * @return the value written
     * @throws IOException if the file cannot be opened, locked, read or written
     * @throws IllegalStateException if the file holds something other than a number (use
     *         {@link #parse(String, Path)} for the message)
     */
    public static long incrementLocked(Path counterFile) throws IOException {
        throw new Todo("4.5");
    }

    /**
     * Given: turns the file's content into the counter's value.
     *
     * @param content what the file holds; surrounding white space is ignored
     * @param counterFile the file it came from, for the message
     * @return the value; 0 for empty content
     * @throws IllegalStateException if the content is not a non-negative whole number
     */
    public static long parse(String content, Path counterFile) {
        String digits = content.strip();
        if (digits.isEmpty()) {
            return 0;
        }
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.length() > 18) {
            String shown = digits.length() > 40 ? digits.substring(0, 40) + "..." : digits;
            throw new IllegalStateException("the counter file " + counterFile + " holds '" + shown
                    + "', which is not a counter value (decimal digits); delete the file or write 0 into it");
        }
        return Long.parseLong(digits);
    }
}
