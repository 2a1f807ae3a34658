package workbook.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs a small test class through the JUnit engine, with and without the property. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StopAtFirstFailureTest {

    @ExtendWith(StopAtFirstFailure.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PassFailPass {
        @Test
        @Order(1)
        void passes() {
        }

        @Test
        @Order(2)
        void fails() {
            fail("the first failure");
        }

        @Test
        @Order(3)
        void wouldPass() {
        }
    }

    private static Events run() {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(PassFailPass.class)).execute().testEvents();
    }

    @AfterEach
    void clearProperty() {
        System.clearProperty(StopAtFirstFailure.PROPERTY);
    }

    @Test
    void withThePropertyTheTestsAfterTheFirstFailureAreSkipped() {
        System.setProperty(StopAtFirstFailure.PROPERTY, "true");

        Events events = run();

        assertThat(events.succeeded().count()).as("passed").isEqualTo(1);
        assertThat(events.failed().count()).as("failed").isEqualTo(1);
        assertThat(events.skipped().count()).as("skipped").isEqualTo(1);
        assertThat(events.skipped().stream().findFirst().orElseThrow().getPayload(String.class).orElseThrow())
                .as("why the last test was skipped")
                .contains("PassFailPass.fails() failed before it");
    }

    @Test
    void withoutThePropertyEveryTestRuns() {
        Events events = run();

        assertThat(events.succeeded().count()).as("passed").isEqualTo(2);
        assertThat(events.failed().count()).as("failed").isEqualTo(1);
        assertThat(events.skipped().count()).as("skipped").isZero();
    }

    @Test
    void eachRunStartsAfresh() {
        System.setProperty(StopAtFirstFailure.PROPERTY, "true");

        run();
        Events second = run();

        assertThat(second.succeeded().count()).as("passed in a second run").isEqualTo(1);
    }
}
