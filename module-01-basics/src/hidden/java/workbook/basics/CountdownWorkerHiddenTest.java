package workbook.basics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.process.ExitStatus;
import workbook.testsupport.Exercise;

@Exercise("1.7")
class CountdownWorkerHiddenTest {

    @RepeatedTest(2)
    void anyNameAndCountSurviveTheTripToTheChild(@TempDir Path dir) throws Exception {
        Random random = new Random();
        String name = "worker nº" + random.nextInt(10_000);
        int from = random.nextInt(15);
        Path report = dir.resolve("report " + random.nextInt(100) + ".txt");

        CountdownWorker worker = new CountdownWorker(name, report, from);
        assertThat(worker.name()).as("the name in the parent").isEqualTo(name);
        worker.start();
        worker.join();

        assertThat(worker.exitStatus()).contains(new ExitStatus(0));
        List<String> expected = new ArrayList<>();
        for (int n = from; n >= 0; n--) {
            expected.add(name + " " + worker.pid() + " " + n);
        }
        assertThat(Files.readAllLines(report)).containsExactlyElementsOf(expected);
    }

    @Test
    void twoWorkersAreTwoProcesses(@TempDir Path dir) throws Exception {
        CountdownWorker first = new CountdownWorker("first", dir.resolve("1.txt"), 0);
        CountdownWorker second = new CountdownWorker("second", dir.resolve("2.txt"), 0);
        first.start();
        second.start();
        first.join();
        second.join();

        assertThat(first.pid()).isNotEqualTo(second.pid());
        assertThat(Files.readAllLines(dir.resolve("2.txt"))).containsExactly("second " + second.pid() + " 0");
    }

    @Test
    void badArgumentsAreRejected(@TempDir Path dir) {
        assertThatThrownBy(() -> new CountdownWorker("w", dir.resolve("r"), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CountdownWorker(null, dir.resolve("r"), 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CountdownWorker("w", null, 1)).isInstanceOf(NullPointerException.class);
    }
}
