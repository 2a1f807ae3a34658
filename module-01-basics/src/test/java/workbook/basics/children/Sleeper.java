package workbook.basics.children;

import java.io.IOException;

/**
 * A child that does nothing until its standard input closes: when its parent closes the pipe, or dies.
 * Tests use it as a process that stays alive exactly as long as they want, and cannot outlive them.
 */
public final class Sleeper {
    public static void main(String[] args) throws IOException {
        while (System.in.read() != -1) {
            // Ignore anything written to us; only end-of-file matters.
        }
    }
}
