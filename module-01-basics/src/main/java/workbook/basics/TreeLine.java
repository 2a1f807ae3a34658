package workbook.basics;

/**
 * One process in a listing of a process tree.
 *
 * @param pid the process id
 * @param parentPid the parent's process id, or -1 if unknown
 * @param depth 0 for the root of the listing, 1 for its children, 2 for theirs, and so on
 * @param command the program the process runs, or "?" if the operating system does not tell
 */
public record TreeLine(long pid, long parentPid, int depth, String command) {
}
