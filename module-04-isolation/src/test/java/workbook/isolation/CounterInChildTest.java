package workbook.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import workbook.testsupport.Exercise;

@Exercise("4.1")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CounterInChildTest {

    @AfterEach
    void restoreParentCounter() {
        StaticCounter.set(StaticCounter.START);
    }

    @Test
    void theChildAddsToItsOwnCounterAndReportsWhatItSaw() throws Exception {
        ChildView view = CounterInChild.addInChild(5);

        assertThat(view.pid())
                .as("the pid the child reported: it must be the child's own, not this test JVM's")
                .isNotEqualTo(ProcessHandle.current().pid())
                .isPositive();
        assertThat(view.before())
                .as("the child's counter before adding: a fresh JVM starts from StaticCounter.START")
                .isEqualTo(StaticCounter.START);
        assertThat(view.after())
                .as("addInChild adds amount in the child and returns the child's counter after the addition: START + 5")
                .isEqualTo(StaticCounter.START + 5);
    }

    @Test
    void theParentsCounterIsUntouchedAndNeverReachesTheChild() throws Exception {
        StaticCounter.set(7);

        ChildView view = CounterInChild.addInChild(1);

        assertThat(StaticCounter.get())
                .as("the parent's counter after the child added 1: the child has memory of its own")
                .isEqualTo(7);
        assertThat(view.before())
                .as("the child's counter before adding: the parent had set its own to 7, but a child JVM runs the"
                        + " static initialiser again and starts from %d", StaticCounter.START)
                .isEqualTo(StaticCounter.START);
    }

    @Test
    void theWorkRunsInAChildProcess() {
        ProcessRules.assertStartsAProcess(CounterInChild.class);
    }
}
