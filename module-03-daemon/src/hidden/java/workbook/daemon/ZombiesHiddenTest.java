package workbook.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import workbook.testsupport.Exercise;
import workbook.testsupport.OsProcesses;

@Exercise("3.5")
@EnabledOnOs(value = OS.LINUX, disabledReason = "zombies are detected through /proc, which only Linux has")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ZombiesHiddenTest {

    @Test
    void eachZombieIsReapedThroughItsOwnParent() throws Exception {
        try (ZombieMaker first = ZombieMaker.make(); ZombieMaker second = ZombieMaker.make()) {
            ZombieMaker chosen = ThreadLocalRandom.current().nextBoolean() ? first : second;
            ZombieMaker other = chosen == first ? second : first;

            assertThat(Zombies.reap(chosen.zombiePid(), ZombiesTest.REAP_WITHIN))
                    .as("the parent reap() ended for zombie %d", chosen.zombiePid())
                    .isEqualTo(chosen.parent().pid());

            assertThat(OsProcesses.state(chosen.zombiePid())).as("zombie %d is gone", chosen.zombiePid()).isEqualTo('-');
            assertThat(other.parent().isAlive())
                    .as("the parent %d of the other zombie was not touched", other.parent().pid()).isTrue();
            assertThat(OsProcesses.state(other.zombiePid()))
                    .as("the other zombie %d is still a zombie", other.zombiePid()).isEqualTo('Z');
        }
    }

    @Test
    void aPidWithoutAProcessIsRefused() {
        long unused = (1L << 22) + 1 + ThreadLocalRandom.current().nextInt(1_000_000);
        assertThatThrownBy(() -> Zombies.reap(unused, Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Long.toString(unused));
    }

    @Test
    void theTimeoutMustBePositive() throws Exception {
        try (ZombieMaker made = ZombieMaker.make()) {
            assertThatThrownBy(() -> Zombies.reap(made.zombiePid(), Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Zombies.reap(made.zombiePid(), Duration.ofSeconds(-3)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(made.parent().isAlive()).as("a refused call ends nothing").isTrue();
        }
    }

    @Test
    void theParentIsAskedPolitelyFirst() throws Exception {
        try (ZombieMaker made = ZombieMaker.make()) {
            Zombies.reap(made.zombiePid(), ZombiesTest.REAP_WITHIN);

            assertThat(made.parent().waitFor(5, TimeUnit.SECONDS)).as("the zombie's parent has ended").isTrue();
            assertThat(made.parent().exitValue())
                    .as("exit value of the zombie's parent, which ends at SIGTERM: 143 is SIGTERM (destroy()), 137 would be"
                            + " SIGKILL; ask politely first and end it forcibly only if it is still alive after half the timeout")
                    .isEqualTo(143);
        }
    }

    @Test
    void aParentThatIgnoresThePoliteRequestIsKilledAfterHalfTheTimeout() throws Exception {
        try (ZombieMaker made = ZombieMaker.makeWithAParentThatIgnoresSigterm()) {
            Duration timeout = Duration.ofSeconds(16);

            long start = System.nanoTime();
            long ended = Zombies.reap(made.zombiePid(), timeout);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(ended).as("the parent reap() ended").isEqualTo(made.parent().pid());
            assertThat(made.parent().waitFor(5, TimeUnit.SECONDS)).as("the zombie's parent has ended").isTrue();
            assertThat(made.parent().exitValue())
                    .as("exit value of a parent that ignores SIGTERM: it must be killed (137, SIGKILL) once half the"
                            + " timeout has passed")
                    .isEqualTo(137);
            assertThat(took).as("reap() with a timeout of 16 s, for a parent that ignores SIGTERM, took %d ms: the parent"
                            + " gets half the timeout (8 s) to end after the polite request, no less", took.toMillis())
                    .isGreaterThanOrEqualTo(Duration.ofMillis(7_900));
            assertThat(OsProcesses.state(made.zombiePid())).as("zombie %d is gone", made.zombiePid()).isEqualTo('-');
        }
    }
}
