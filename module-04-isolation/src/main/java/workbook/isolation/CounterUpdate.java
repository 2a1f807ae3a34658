package workbook.isolation;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * One increment of a counter file, such as {@link FileCounter#incrementLocked(Path)} or
 * {@link FileCounter#incrementUnlocked(Path)}. It is {@link Serializable} because it travels to the
 * child processes that perform it: a method reference written where a {@code CounterUpdate} is
 * expected can be sent to a child.
 *
 * <p>Given code: nothing to write here.
 */
@FunctionalInterface
public interface CounterUpdate extends Serializable {

    /**
     * @param counterFile the counter file
     * @return the value written
     * @throws IOException if the file cannot be read or written
     */
    long increment(Path counterFile) throws IOException;
}
