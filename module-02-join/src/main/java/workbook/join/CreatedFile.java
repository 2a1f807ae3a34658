package workbook.join;

import java.nio.file.Path;

/**
 * A file that one child process created and the parent checked after joining it.
 *
 * @param index the worker's number, from 0
 * @param pid the process id of the child that wrote the file (as the file itself says)
 * @param file where the file is
 */
public record CreatedFile(int index, long pid, Path file) {
}
