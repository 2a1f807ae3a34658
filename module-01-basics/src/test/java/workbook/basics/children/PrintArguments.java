package workbook.basics.children;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A child that reports exactly what it received: one line {@code arg=<value>} per argument, then one line
 * {@code prop=<key>=<value>} per system property whose key starts with {@code workbook.}, in key order.
 * Self-contained on purpose: tests copy its class file to a folder whose path has spaces.
 */
public final class PrintArguments {
    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        for (String arg : args) {
            out.println("arg=" + arg);
        }
        Map<String, String> properties = new TreeMap<>();
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith("workbook.")) {
                properties.put(k.toString(), v.toString());
            }
        });
        properties.forEach((k, v) -> out.println("prop=" + k + "=" + v));
    }
}
