package workbook.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import workbook.process.ExitStatus;
import workbook.process.JvmProcess;
import workbook.testsupport.Exercise;

@Exercise("2.1")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HandoffTest {

    @TempDir
    Path dir;

    private final List<JvmProcess> children = new ArrayList<>();

    @AfterEach
    void endChildren() throws InterruptedException {
        Children.endAll(children, List.of());
    }

    @Test
    void theParentCarriesOnAfterStartAndWaitsAtJoin() throws Exception {
        Path log = dir.resolve("events.log");
        Napper child = new Napper("child", 800, 0, log);
        children.add(child);

        ExitStatus status = Children.explainingMissingStatus(() -> Handoff.startAndJoin(child, log));

        List<String> events = EventLog.read(log).stream().map(HandoffTest::withoutTime).toList();
        assertThat(events)
                .as("startAndJoin records CHILD_STARTED, the child records its end, then startAndJoin records CHILD_JOINED")
                .contains(Handoff.CHILD_STARTED, "child end", Handoff.CHILD_JOINED);
        assertThat(events.indexOf(Handoff.CHILD_STARTED))
                .as("the parent recorded '%s' only after the child had finished, so start() was not left to run"
                        + " on its own; events: %s", Handoff.CHILD_STARTED, events)
                .isLessThan(events.indexOf("child end"));
        assertThat(events.indexOf(Handoff.CHILD_JOINED))
                .as("the parent recorded '%s' before the child had finished: join() must wait for the child;"
                        + " events: %s", Handoff.CHILD_JOINED, events)
                .isGreaterThan(events.indexOf("child end"));
        assertThat(status).as("startAndJoin returns how the child ended: it exited with 0").isEqualTo(new ExitStatus(0));
        assertThat(child.isAlive()).as("the child is still running after startAndJoin returned").isFalse();
    }

    @Test
    void returnsHowTheChildEnded() throws Exception {
        Napper child = new Napper("child", 100, 7, dir.resolve("events.log"));
        children.add(child);

        assertThat(Children.explainingMissingStatus(() -> Handoff.startAndJoin(child, dir.resolve("events.log"))))
                .as("startAndJoin must return the exit status of the child, which called System.exit(7)")
                .isEqualTo(new ExitStatus(7));
    }

    @Test
    void rejectsNulls() {
        assertThatThrownBy(() -> Handoff.startAndJoin(null, dir.resolve("events.log")),
                "a null argument is a NullPointerException naming it: child")
                .isInstanceOf(NullPointerException.class).hasMessageContaining("child");
        assertThatThrownBy(() -> Handoff.startAndJoin(new Napper("child", 100), null),
                "a null argument is a NullPointerException naming it: eventLog")
                .isInstanceOf(NullPointerException.class).hasMessageContaining("eventLog");
    }

    /** "child end 1732650000000" becomes "child end". */
    static String withoutTime(String event) {
        return event.replaceFirst(" \\d+$", "");
    }
}
