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

        assertThat(worker.exitStatus())
                .as("run() executes in a child process that exits normally, with exit value 0")
                .contains(new ExitStatus(0));
        assertThat(worker.name()).as("the name is the one given to the constructor").isEqualTo("counter");
        long pid = worker.pid();
        assertThat(pid).as("run() executes in a child process, so the worker's pid is not the test JVM's")
                .isNotEqualTo(ProcessHandle.current().pid());
        assertThat(Files.readAllLines(report))
                .as("the report holds one line \"<name> <pid> <number>\" per number from the start down to 0, with the child's pid")
                .containsExactly(
                "counter " + pid + " 3", "counter " + pid + " 2", "counter " + pid + " 1", "counter " + pid + " 0");
    }
}
