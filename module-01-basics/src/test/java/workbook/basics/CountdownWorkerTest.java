package workbook.basics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.process.ExitStatus;
import workbook.testsupport.Exercise;

@Exercise("1.7")
class CountdownWorkerTest {

    @Test
    void runsInAChildWithTheStateAndNameGivenToTheConstructor(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report.txt");
        CountdownWorker worker = new CountdownWorker("counter", report, 3);
        worker.start();
        worker.join();

        assertThat(worker.exitStatus()).as("how the child ended").contains(new ExitStatus(0));
        assertThat(worker.name()).isEqualTo("counter");
        long pid = worker.pid();
        assertThat(pid).as("the worker's pid (it must run in a child, not in the test JVM)")
                .isNotEqualTo(ProcessHandle.current().pid());
        assertThat(Files.readAllLines(report)).containsExactly(
                "counter " + pid + " 3", "counter " + pid + " 2", "counter " + pid + " 1", "counter " + pid + " 0");
    }
}
