package workbook.join.examples;

import workbook.process.JvmProcess;

/** Lesson 02, "Asynchronous until you join": the order of events around start() and join(). */
public final class StartThenJoin {

    private StartThenJoin() {
    }

    public static void main(String[] args) throws InterruptedException {
        JvmProcess child = new JvmProcess("worker", StartThenJoin::work);
        child.start();
        System.out.println("parent: child started");
        child.join();
        System.out.println("parent: child joined");
    }

    private static void work() {
        System.out.println("child begin");
        System.out.println("child end");
    }
}
