package workbook.basics.examples;

import workbook.process.JvmProcess;

/** Lesson 01, "A first child process": start a child JVM, wait for it, and say how it ended. */
public final class FirstChild {

    private FirstChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("parent: pid " + ProcessHandle.current().pid());
        JvmProcess child = new JvmProcess("greeter", () -> System.out.println(
                "child:  pid " + ProcessHandle.current().pid() + ", parent " + ProcessHandle.current().parent().orElseThrow().pid()));
        child.start();
        child.join();
        System.out.println("parent: " + child.name() + " " + child.exitStatus().orElseThrow());
    }
}
