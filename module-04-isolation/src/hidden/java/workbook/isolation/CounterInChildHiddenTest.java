package workbook.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import workbook.testsupport.Exercise;

@Exercise("4.1")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CounterInChildHiddenTest {

    @AfterEach
    void restoreParentCounter() {
        StaticCounter.set(StaticCounter.START);
    }

    @Test
    void randomAmountsAndARandomParentValue() throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int parentValue = random.nextInt(-1_000_000, 1_000_000);
        int amount = random.nextInt(-5000, 5000);
        StaticCounter.set(parentValue);

        ChildView view = CounterInChild.addInChild(amount);

        assertThat(view.before())
                .as("the child's counter before adding: the parent had set its own to %d, but the child JVM starts"
                        + " from the static initialiser's %d", parentValue, StaticCounter.START)
                .isEqualTo(StaticCounter.START);
        assertThat(view.after()).as("the child's counter after adding %d", amount).isEqualTo(StaticCounter.START + amount);
        assertThat(StaticCounter.get()).as("the parent's counter after the child added %d", amount).isEqualTo(parentValue);
        assertThat(view.pid()).as("the pid the child reported").isNotEqualTo(ProcessHandle.current().pid()).isPositive();
    }

    @Test
    void aNegativeAmount() throws Exception {
        int amount = -ThreadLocalRandom.current().nextInt(101, 5000);

        ChildView view = CounterInChild.addInChild(amount);

        assertThat(view.after())
                .as("the child's counter after adding %d to %d: a negative amount is allowed, and so is a negative"
                        + " result; read the report's minus sign too", amount, StaticCounter.START)
                .isEqualTo(StaticCounter.START + amount);
        assertThat(view.before()).isEqualTo(StaticCounter.START);
    }

    @Test
    void everyChildStartsAfresh() throws Exception {
        int first = ThreadLocalRandom.current().nextInt(1, 1000);
        int second = ThreadLocalRandom.current().nextInt(1, 1000);

        ChildView one = CounterInChild.addInChild(first);
        ChildView two = CounterInChild.addInChild(second);

        assertThat(two.pid()).as("two calls, two child processes").isNotEqualTo(one.pid());
        assertThat(two.before())
                .as("the second child's counter before adding: the first child's addition of %d lived and died in the"
                        + " first child", first)
                .isEqualTo(StaticCounter.START);
        assertThat(two.after()).isEqualTo(StaticCounter.START + second);
        assertThat(StaticCounter.get()).as("the parent's counter after both children").isEqualTo(StaticCounter.START);
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "finds the child through /proc")
    void aChildThatIsKilledIsAFailure() throws Exception {
        Throwable thrown;
        try (NewDescendants killer = NewDescendants.killChildren(1)) {
            thrown = catchThrowable(() -> CounterInChild.addInChild(1));
            assertThat(killer.caught()).as("test set-up: the child, killed by the test").hasSize(1);
        }

        assertThat(thrown)
                .as("what addInChild did when the test killed (SIGKILL) its child before it reported anything: a child"
                        + " that fails must make addInChild throw an IllegalStateException (check its exit status),"
                        + " not return a made-up view")
                .isInstanceOf(IllegalStateException.class);
        assertThat(StaticCounter.get()).as("the parent's counter").isEqualTo(StaticCounter.START);
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "freezes the child with SIGSTOP, found through /proc")
    void anInterruptedWaitThrowsInterruptedException() throws Exception {
        try (NewDescendants freezer = NewDescendants.freezeChildren(1)) {
            ForeignCall<ChildView> call = ForeignCall.start("addInChild", () -> CounterInChild.addInChild(1));
            Awaitility.await("the child started and frozen by the test").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(10)).until(() -> freezer.caught().size() == 1 || call.hasEnded());
            if (freezer.caught().isEmpty()) {
                // The machine was too busy to freeze the child before it ended: nothing waits, so nothing can be
                // interrupted in this run; it proves only that the call itself works.
                call.assertRanToItsEnd();
                return;
            }
            call.awaitBlocked(Duration.ofSeconds(10));

            call.thread().interrupt();

            assertThat(call.outcome(Duration.ofSeconds(10)))
                    .as("what addInChild did when its thread was interrupted while it waited for its (frozen) child:"
                            + " throw InterruptedException, not go on waiting or return something else")
                    .isInstanceOf(InterruptedException.class);
        }
    }

    @Test
    void theWorkRunsInAChildProcess() {
        ProcessRules.assertStartsAProcess(CounterInChild.class);
    }
}
