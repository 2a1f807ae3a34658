package workbook.socket.children;

import java.io.IOException;
import workbook.socket.EchoClient;

/**
 * {@code EchoClientRun PORT}: sends {@link #REQUEST} with the student's {@link EchoClient} and prints the
 * reply with every character outside printable ASCII escaped (a backslash, u and four hex digits), so that
 * what the test reads does not depend on this JVM's charsets. The tests run it with {@code -Dfile.encoding=ISO-8859-1}: a client
 * that uses the platform's default charset instead of UTF-8 then sends and decodes the wrong bytes.
 */
public final class EchoClientRun {

    /** A request with characters that ISO-8859-1 encodes differently from UTF-8, or not at all. */
    public static final String REQUEST = "na\u00efve caf\u00e9 \u4e2d\u6587";

    private EchoClientRun() {
    }

    public static void main(String[] args) throws IOException {
        try (EchoClient client = EchoClient.connect(Integer.parseInt(args[0]))) {
            System.out.println("reply: " + escape(client.request(REQUEST)));
        }
    }

    /** @return {@code text} with every character outside printable ASCII as a backslash, u and four hex digits */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            escaped.append(c >= 0x20 && c < 0x7f && c != '\\' ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return escaped.toString();
    }
}
