package workbook.isolation.children;

import java.io.IOException;

/**
 * A child that runs until its standard input closes: when its parent closes the pipe, or dies. The 4.4 tests use
 * it to see whether {@code ChildContext.start} returns while its child still runs.
 */
public final class UntilStdinCloses {

    private UntilStdinCloses() {
    }

    public static void main(String[] args) throws IOException {
        while (System.in.read() != -1) {
            // Ignore anything written to us; only end-of-file matters.
        }
    }
}
