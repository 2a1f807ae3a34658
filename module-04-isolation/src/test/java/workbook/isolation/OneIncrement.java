package workbook.isolation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import workbook.process.JvmProcess;

/** A test-side child that calls {@link FileCounter#incrementLocked(Path)} once and prints the value it returned. */
final class OneIncrement extends JvmProcess {
    private static final long serialVersionUID = 1L;

    private final String counterFile;

    OneIncrement(Path counterFile) {
        super("one-increment");
        this.counterFile = counterFile.toString();
    }

    @Override
    public void run() {
        try {
            System.out.println(FileCounter.incrementLocked(Path.of(counterFile)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
