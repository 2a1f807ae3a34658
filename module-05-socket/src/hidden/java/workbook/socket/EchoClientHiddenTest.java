package workbook.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import workbook.testsupport.Exercise;

@Exercise("5.1")
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class EchoClientHiddenTest {

    private final Random random = new Random();

    /** A one-client server that answers each line with {@code answer.apply(line)}, or closes on null. */
    private static Thread scriptedServer(ServerSocket listener, UnaryOperator<String> answer) {
        Thread thread = new Thread(() -> {
            try (Socket client = listener.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = client.getOutputStream();
                String line;
                while ((line = in.readLine()) != null) {
                    String reply = answer.apply(line);
                    if (reply == null) {
                        return;
                    }
                    out.write((reply + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (java.io.IOException e) {
                // The test decides what counts.
            }
        }, "scripted-server");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Test
    void returnsExactlyWhatTheServerAnswers() throws Exception {
        String token = "reply-" + Long.toHexString(random.nextLong()) + "-é-中";
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            scriptedServer(listener, line -> token + " for " + line.length());
            try (EchoClient client = EchoClient.connect(listener.getLocalPort())) {
                String request = RandomText.line(random, 40);
                assertThat(client.request(request))
                        .as("request() must return the server's reply as it is, not compute one itself")
                        .isEqualTo(token + " for " + request.length());
            }
        }
    }

    @Test
    void randomTextRoundTrips() throws Exception {
        try (ThreadPerClientServer server = new ThreadPerClientServer()) {
            server.start();
            try (EchoClient client = EchoClient.connect(server.port())) {
                for (int i = 0; i < 40; i++) {
                    String request = RandomText.line(random, 120);
                    assertThat(client.request(request)).as("reply to '%s'", request).isEqualTo(RandomText.expectedReply(request));
                }
            }
        }
    }

    @Test
    void aReplyLongerThanAnyBufferArrivesWhole() throws Exception {
        int length = 20_000 + random.nextInt(20_000);
        String longReply = "x".repeat(length) + "é";
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            scriptedServer(listener, line -> longReply);
            try (EchoClient client = EchoClient.connect(listener.getLocalPort())) {
                assertThat(client.request("long please")).hasSize(length + 1).isEqualTo(longReply);
            }
        }
    }

    @Test
    void aLineBreakAnywhereInTheRequestIsRejected() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            scriptedServer(listener, line -> line.toUpperCase(Locale.ROOT));
            try (EchoClient client = EchoClient.connect(listener.getLocalPort())) {
                for (String bad : new String[] {"\nfirst", "\rfirst", "last\n", "last\r", "mid\r\ndle", "\n", "\r"}) {
                    String shown = bad.replace("\n", "\\n").replace("\r", "\\r");
                    assertThat(catchThrowable(() -> client.request(bad)))
                            .as("request(\"%s\"): a '\\n' or '\\r' anywhere in the line, even its first character,"
                                    + " would split it into two requests for the server", shown)
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining("line break");
                }
                assertThat(client.request("still one line"))
                        .as("a request after the rejected ones: nothing of them may have been sent")
                        .isEqualTo("STILL ONE LINE");
            }
        }
    }

    @Test
    void aServerThatHangsUpIsAnEndOfFileNotAnEmptyReply() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            scriptedServer(listener, line -> null);
            try (EchoClient client = EchoClient.connect(listener.getLocalPort())) {
                assertThatThrownBy(() -> client.request("anyone there?"))
                        .as("the server closed the connection without answering")
                        .isInstanceOf(EOFException.class)
                        .hasMessageContaining("anyone there?");
            }
        }
    }
}
