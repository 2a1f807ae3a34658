package workbook.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import workbook.testsupport.Exercise;

@Exercise("4.2")
@Timeout(value = 55, unit = TimeUnit.SECONDS)
class NightlyBatchHiddenTest {

    @TempDir
    Path dir;

    @Test
    void aRandomNumberOfWorkers() throws Exception {
        int workers = ThreadLocalRandom.current().nextInt(2, 6);

        NightlyBatchRun run = NightlyBatchRun.run(dir, Integer.toString(workers));

        run.assertCompleteRun(workers);
    }

    @Test
    void badArgumentsAreRejectedBeforeAnythingStarts() throws Exception {
        List<List<String>> badArguments = List.of(List.of(), List.of("two"), List.of("17"), List.of("1", "2"));
        for (List<String> args : badArguments) {
            Path runDir = Files.createTempDirectory(dir, "run");
            NightlyBatchRun run = NightlyBatchRun.run(runDir, args.toArray(String[]::new));

            assertThat(run.exitValue()).as("exit value of NightlyBatch %s", args).isNotZero();
            assertThat(run.output())
                    .as("what NightlyBatch %s printed: an IllegalArgumentException with the usage", args)
                    .contains("IllegalArgumentException")
                    .contains("WORKERS");
            assertThat(run.eventsNamed(NightlyBatch.STARTED)).as("events after NightlyBatch %s", args).isEmpty();
        }
    }

    @Test
    void theBatchStartsWorkerProcesses() {
        ProcessRules.assertStartsAProcess(NightlyBatch.class);
    }
}
