package workbook.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import workbook.testsupport.Exercise;

@Exercise("4.2")
@Timeout(value = 50, unit = TimeUnit.SECONDS)
class NightlyBatchTest {

    @TempDir
    Path dir;

    @Test
    void threeWorkersMeanFourInitialisationsButOneStart() throws Exception {
        NightlyBatchRun run = NightlyBatchRun.run(dir, "3");

        run.assertCompleteRun(3);
    }

    @Test
    void aWorkerCountOfZeroIsRejectedWithTheUsage() throws Exception {
        NightlyBatchRun run = NightlyBatchRun.run(dir, "0");

        assertThat(run.exitValue())
                .as("an argument that is not a whole number from 1 to MAX_WORKERS throws IllegalArgumentException:"
                        + " NightlyBatch 0 must fail")
                .isNotZero();
        assertThat(run.output())
                .as("what NightlyBatch 0 printed: an IllegalArgumentException that shows the usage")
                .contains("IllegalArgumentException")
                .contains("WORKERS");
        assertThat(run.eventsNamed(NightlyBatch.STARTED))
                .as("a bad argument is rejected before anything starts: STARTED is not recorded")
                .isEmpty();
    }

    @Test
    void theBatchStartsWorkerProcesses() {
        ProcessRules.assertStartsAProcess(NightlyBatch.class);
    }
}
