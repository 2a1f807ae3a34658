package workbook.basics.children;

/** A child that ends as told: {@code return}, {@code exit N}, or {@code throw} (an uncaught exception). */
public final class Exiter {
    public static void main(String[] args) {
        switch (args[0]) {
            case "return" -> { }
            case "exit" -> System.exit(Integer.parseInt(args[1]));
            case "throw" -> throw new IllegalStateException("thrown on purpose by the test child");
            default -> throw new IllegalArgumentException("unknown ending " + args[0]);
        }
    }
}
