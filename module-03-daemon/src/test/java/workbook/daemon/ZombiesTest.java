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

            assertThat(ended)
                    .as("reap() ends the zombie's parent and returns the parent's pid")
                    .isEqualTo(made.parent().pid());
            assertThat(made.parent().waitFor(5, TimeUnit.SECONDS))
                    .as("the non-reaping parent %d has ended", made.parent().pid()).isTrue();
            assertThat(OsProcesses.state(zombie))
                    .as("reap() waits until the zombie has left the process table: %d is still in /proc ('-' means gone)", zombie)
                    .isEqualTo('-');
        }
    }

    @Test
    void aLiveProcessIsNotAZombieAndIsLeftAlone() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            ProcessStateTest.awaitProgramInState(sleeper, "sleep", 'S');
            assertThatThrownBy(() -> Zombies.reap(sleeper.pid(), Duration.ofSeconds(5)),
                    "a pid that is not a zombie (here the live process %d) is an IllegalArgumentException naming it",
                    sleeper.pid())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(Long.toString(sleeper.pid()));
            assertThat(sleeper.isAlive()).as("a live process given to reap() is left running (%d)", sleeper.pid()).isTrue();
        } finally {
            sleeper.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
