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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import workbook.process.JavaCommand;
import workbook.socket.children.EchoClientRun;
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

    @Test
    void theRequestGoesOutAsUtf8BytesAndOneLineFeed() throws Exception {
        String request = "na\u00efve \u4e2d\u6587 " + RandomText.line(random, 20) + " \uD83D\uDE80";
        try (ScriptedServer server = ScriptedServer.replying("OK\n".getBytes(StandardCharsets.US_ASCII));
             EchoClient client = EchoClient.connect(server.port())) {
            client.request(request);

            assertThat(server.request())
                    .as("the bytes the server received for request(\"%s\"): the line as UTF-8, then one '\\n'"
                            + " (no '\\r', nothing else)", request)
                    .isEqualTo((request + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aCarriageReturnInTheReplyIsPartOfTheReply() throws Exception {
        try (ScriptedServer server = ScriptedServer.replying("left\rright\r\n".getBytes(StandardCharsets.US_ASCII));
             EchoClient client = EchoClient.connect(server.port())) {
            assertThat(client.request("anything"))
                    .as("the reply to a server that answered 'left\\rright\\r\\n': the reply is every byte up to '\\n',"
                            + " so a '\\r' is part of it (BufferedReader.readLine() would end the line at the '\\r')")
                    .isEqualTo("left\rright\r");
        }
    }

    @Test
    void aReplySentOneByteAtATimeArrivesWhole() throws Exception {
        String reply = "R\u00c9PONSE \u4e2d\u6587 " + Long.toHexString(random.nextLong()) + " \uD83C\uDF0D";
        try (ScriptedServer server = ScriptedServer.replyingByteByByte((reply + "\n").getBytes(StandardCharsets.UTF_8));
             EchoClient client = EchoClient.connect(server.port())) {
            assertThat(client.request("slowly, please"))
                    .as("a reply whose bytes arrive one per TCP segment: read until the '\\n', however the bytes are"
                            + " split, and decode them all at once (a character such as '\u4e2d' is 3 bytes in UTF-8)")
                    .isEqualTo(reply);
        }
    }

    @Test
    void aPartialReplyThenTheEndIsAnEndOfFile() throws Exception {
        try (ScriptedServer server = ScriptedServer.sendingThenClosing("HALF A REP".getBytes(StandardCharsets.US_ASCII));
             EchoClient client = EchoClient.connect(server.port())) {
            assertThat(catchThrowable(() -> client.request("half a reply please")))
                    .as("the server sent 'HALF A REP' and closed the connection before the '\\n': a reply is complete"
                            + " only with its '\\n', so this is an EOFException that names the request, not a reply")
                    .isInstanceOf(EOFException.class)
                    .hasMessageContaining("half a reply please");
        }
    }

    @Test
    void theClientSpeaksUtf8WhateverThePlatformCharset(@TempDir Path dir) throws Exception {
        String reply = "R\u00c9PONSE \u00e0 \u4e2d\u6587";
        try (ScriptedServer server = ScriptedServer.replying((reply + "\n").getBytes(StandardCharsets.UTF_8))) {
            List<String> options = List.of("-Dfile.encoding=ISO-8859-1", "-Dstdout.encoding=US-ASCII", "-XX:TieredStopAtLevel=1");
            Path output = dir.resolve("output.txt");
            Process child = new ProcessBuilder(JavaCommand.forClass(EchoClientRun.class, options,
                    List.of(Integer.toString(server.port())))).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            try {
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the client program ended within 30 s").isTrue();
            } finally {
                child.destroyForcibly();
            }
            String printed = Files.readString(output, StandardCharsets.US_ASCII);

            assertThat(server.request())
                    .as("the bytes an EchoClient in a JVM whose default charset is ISO-8859-1 sent for request(\"%s\"):"
                            + " the protocol is UTF-8 whatever the platform, so say StandardCharsets.UTF_8 where you turn"
                            + " text into bytes (getBytes() uses the platform charset)", EchoClientRun.escape(EchoClientRun.REQUEST))
                    .isEqualTo((EchoClientRun.REQUEST + "\n").getBytes(StandardCharsets.UTF_8));
            assertThat(printed.strip())
                    .as("the reply as that client returned it (escaped as \\uXXXX): decode the reply's bytes as UTF-8,"
                            + " not with the platform charset")
                    .isEqualTo("reply: " + EchoClientRun.escape(reply));
        }
    }
}
