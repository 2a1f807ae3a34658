package workbook.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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
    void theWorkRunsInAChildProcess() {
        ProcessRules.assertStartsAProcess(CounterInChild.class);
    }
}
