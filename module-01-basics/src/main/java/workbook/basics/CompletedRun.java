package workbook.basics;

/**
 * What a finished child left behind: how it exited and what it printed.
 *
 * @param exitValue the value of {@link Process#exitValue()}
 * @param stdout everything it wrote to standard output, decoded as UTF-8
 * @param stderr everything it wrote to standard error, decoded as UTF-8
 */
public record CompletedRun(int exitValue, String stdout, String stderr) {
}
