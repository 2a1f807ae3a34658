package workbook.basics.children;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A child that writes a lot: {@code Chatter <stderrBytes> <stdoutBytes> <exitCode>} writes the given
 * number of bytes to standard error first, then to standard output, then exits with the code. Each
 * stream is filled with lines of the form {@code e00000...\n} / {@code o00000...\n} (32 bytes each).
 */
public final class Chatter {
    public static void main(String[] args) throws IOException {
        long errBytes = Long.parseLong(args[0]);
        long outBytes = Long.parseLong(args[1]);
        int exitCode = Integer.parseInt(args[2]);
        write(new FileOutputStream(FileDescriptor.err), 'e', errBytes);
        write(new FileOutputStream(FileDescriptor.out), 'o', outBytes);
        System.exit(exitCode);
    }

    /** @return what {@code Chatter} writes to a stream given its letter and size */
    public static String expected(char letter, long bytes) {
        StringBuilder text = new StringBuilder();
        for (long written = 0; written < bytes; written += 32) {
            String line = letter + String.format("%030d", written / 32) + "\n";
            text.append(line, 0, (int) Math.min(32, bytes - written));
        }
        return text.toString();
    }

    private static void write(OutputStream stream, char letter, long bytes) throws IOException {
        stream.write(expected(letter, bytes).getBytes(StandardCharsets.US_ASCII));
        stream.flush();
    }
}
