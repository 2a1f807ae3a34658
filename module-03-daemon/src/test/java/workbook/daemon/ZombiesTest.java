package workbook.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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
class ZombiesTest {

    /** The adopter here reaps within a few seconds; the margin covers a loaded machine. */
    static final Duration REAP_WITHIN = Duration.ofSeconds(25);

    @Test
    void aZombieGoesAwayWhenItsParentIsEnded() throws Exception {
        try (ZombieMaker made = ZombieMaker.make()) {
            long zombie = made.zombiePid();

            long ended = Zombies.reap(zombie, REAP_WITHIN);

            assertThat(ended).as("the pid reap() says it ended: the zombie's parent").isEqualTo(made.parent().pid());
            assertThat(made.parent().waitFor(5, TimeUnit.SECONDS))
                    .as("the non-reaping parent %d has ended", made.parent().pid()).isTrue();
            assertThat(OsProcesses.state(zombie)).as("zombie %d is no longer in /proc ('-' means gone)", zombie)
                    .isEqualTo('-');
        }
    }

    @Test
    void aLiveProcessIsNotAZombieAndIsLeftAlone() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            ProcessStateTest.awaitProgramInState(sleeper, "sleep", 'S');
            assertThatThrownBy(() -> Zombies.reap(sleeper.pid(), Duration.ofSeconds(5)))
                    .as("reap() of the live process %d", sleeper.pid())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(Long.toString(sleeper.pid()));
            assertThat(sleeper.isAlive()).as("the live process %d was left running", sleeper.pid()).isTrue();
        } finally {
            sleeper.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
