package workbook.basics.children;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes {@link #TEXT} to standard output as UTF-8 bytes, whatever this JVM's default charset. */
public final class Utf8Printer {
    public static final String TEXT = "grüße, 日本, naïve ✓\n";

    public static void main(String[] args) throws IOException {
        System.out.write(TEXT.getBytes(StandardCharsets.UTF_8));
        System.out.flush();
    }
}
