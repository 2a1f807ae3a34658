package workbook.basics.examples;

import java.io.IOException;
import java.time.Duration;
import workbook.process.JvmProcess;

/** Lesson 01, "Output travels through pipes": a JvmProcess child that reads System.in waits for its parent. */
public final class StdinWaits {

    private StdinWaits() {
    }

    public static void main(String[] args) throws InterruptedException {
        JvmProcess child = new JvmProcess("reader", StdinWaits::readOneByte);
        child.start();
        System.out.println("parent: the child ended within 2 s: " + child.join(Duration.ofSeconds(2)));
        child.kill();
        child.join();
    }

    private static void readOneByte() {
        try {
            System.out.println("child: read() returned " + System.in.read());
        } catch (IOException e) {
            System.out.println("child: " + e);
        }
    }
}
