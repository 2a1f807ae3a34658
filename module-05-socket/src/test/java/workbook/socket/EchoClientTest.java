package workbook.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import workbook.testsupport.Exercise;

@Exercise("5.1")
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class EchoClientTest {

    private ThreadPerClientServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new ThreadPerClientServer();
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void repliesComeBackUpperCased() throws Exception {
        try (EchoClient client = EchoClient.connect(server.port())) {
            assertThat(client.request("hello, world"))
                    .as("request() returns the server's reply line, without its '\\n'")
                    .isEqualTo("HELLO, WORLD");
            assertThat(client.request("")).as("an empty line is a request too: the reply is an empty line").isEqualTo("");
            assertThat(client.request("naïve café 42"))
                    .as("reply to 'naïve café 42': the server upper-cases ASCII only and returns the UTF-8 bytes"
                            + " of 'ï' and 'é' unchanged; decode the reply's bytes as UTF-8, all at once")
                    .isEqualTo("NAïVE CAFé 42");
        }
    }

    @Test
    void oneConnectionCarriesManyRequests() throws Exception {
        try (EchoClient client = EchoClient.connect(server.port())) {
            for (int i = 0; i < 50; i++) {
                assertThat(client.request("request number " + i))
                        .as("the line is sent now, not left in a buffer, and one connection carries request after request")
                        .isEqualTo("REQUEST NUMBER " + i);
            }
        }
    }

    @Test
    void aLineBreakInsideARequestIsRejected() throws Exception {
        try (EchoClient client = EchoClient.connect(server.port())) {
            assertThatThrownBy(() -> client.request("two\nlines"),
                    "a line that contains '\\n' throws IllegalArgumentException and sends nothing (it would be two requests)")
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("line break");
            assertThat(client.request("still usable"))
                    .as("a rejected line sends nothing, so the next request gets its own reply")
                    .isEqualTo("STILL USABLE");
        }
    }
}
