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
            assertThat(client.request("hello, world")).as("reply to 'hello, world'").isEqualTo("HELLO, WORLD");
            assertThat(client.request("")).as("reply to an empty line").isEqualTo("");
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
                assertThat(client.request("request number " + i)).isEqualTo("REQUEST NUMBER " + i);
            }
        }
    }

    @Test
    void aLineBreakInsideARequestIsRejected() throws Exception {
        try (EchoClient client = EchoClient.connect(server.port())) {
            assertThatThrownBy(() -> client.request("two\nlines"))
                    .as("a request with a line break would be two requests for the server")
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("line break");
            assertThat(client.request("still usable")).isEqualTo("STILL USABLE");
        }
    }
}
