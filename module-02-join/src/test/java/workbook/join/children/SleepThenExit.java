package workbook.join.children;

/**
 * A plain program for tests that need a {@link Process} rather than a JvmProcess:
 * {@code SleepThenExit <milliseconds> <exit value>}.
 */
public final class SleepThenExit {

    private SleepThenExit() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread.sleep(Long.parseLong(args[0]));
        System.exit(Integer.parseInt(args[1]));
    }
}
