package workbook.basics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.basics.children.ReportIdentity;
import workbook.testsupport.Exercise;

@Exercise("1.3")
class ProcessIdentityTest {

    @Test
    void describesTheCallingProcess() {
        ProcessIdentity me = ProcessIdentity.current();
        ProcessHandle self = ProcessHandle.current();

        assertThat(me.pid()).as("current() describes the calling process: its pid").isEqualTo(self.pid());
        assertThat(me.parentPid())
                .as("current() describes the calling process: its parent's pid")
                .isEqualTo(self.parent().orElseThrow().pid());
        assertThat(me.command())
                .as("current() describes the calling process: its command")
                .isEqualTo(self.info().command().orElse(""));
    }

    @Test
    void aChildSeesItsOwnPidAndItsParentsPid(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("identity.txt");
        Instant beforeStart = Instant.now().minusSeconds(1);
        Process child = Children.start(Children.java(ReportIdentity.class, report.toString()), dir);
        assertThat(child.waitFor()).as("the child's exit value (see stderr.txt in the test's folder)").isZero();

        List<String> lines = Files.readAllLines(report);
        assertThat(Long.parseLong(lines.get(0))).as("current() in a child gives the child's own pid").isEqualTo(child.pid());
        assertThat(Long.parseLong(lines.get(1)))
                .as("current() in a child gives its parent's pid, the test JVM's")
                .isEqualTo(ProcessHandle.current().pid());
        assertThat(lines.get(2)).as("current() in a child gives the child's command, a java launcher").endsWith("java");
        assertThat(Instant.parse(lines.get(3)))
                .as("current() gives the start time of the calling process: the child's, between its start and now")
                .isBetween(beforeStart, Instant.now());
    }
}
