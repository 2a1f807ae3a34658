package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.testsupport.ExerciseSpec;
import workbook.testsupport.ModuleScore;
import workbook.testsupport.TestRecord;

/** The grader believes a test passed only when the three records of a run agree. */
class GradingRecordsTest {

    private static final ExpectedTest VISIBLE = new ExpectedTest("1.1", "workbook.demo.AddTest", "adds", false);
    private static final ExpectedTest HIDDEN = new ExpectedTest("1.1", "workbook.demo.AddHiddenTest", "addsRandom", true);

    @TempDir
    Path module;

    @Test
    void aTestPassesWhenResultsFileReportAndLogAgree() throws IOException {
        results("workbook.demo.AddTest", "adds (adds())", "passed");
        xml("workbook.demo.AddTest", "<testcase name=\"adds\" classname=\"workbook.demo.AddTest\"/>");
        ConsoleSummary log = new ConsoleSummary().add(consoleLine(1, 0, "workbook.demo.AddTest"));

        assertThat(RunEvidence.read(module, log).judge(VISIBLE).status()).isEqualTo(TestRecord.Status.PASSED);
    }

    @Test
    void aForgedResultsFileAloneEarnsNothing() throws IOException {
        results("workbook.demo.AddTest", "adds (adds())", "passed");
        xml("workbook.demo.AddTest", "<testcase name=\"adds\" classname=\"workbook.demo.AddTest\"><failure message=\"x\"/></testcase>");
        ConsoleSummary log = new ConsoleSummary().add(consoleLine(1, 1, "workbook.demo.AddTest"));

        assertThat(RunEvidence.read(module, log).judge(VISIBLE).status()).isEqualTo(TestRecord.Status.FAILED);
    }

    @Test
    void forgedResultsFileAndReportDisagreeingWithMavensLogEarnNothing() throws IOException {
        results("workbook.demo.AddTest", "adds (adds())", "passed");
        xml("workbook.demo.AddTest", "<testcase name=\"adds\" classname=\"workbook.demo.AddTest\"/>");
        ConsoleSummary log = new ConsoleSummary().add(consoleLine(1, 1, "workbook.demo.AddTest"));

        TestRecord judged = RunEvidence.read(module, log).judge(VISIBLE);

        assertThat(judged.status()).isEqualTo(TestRecord.Status.FAILED);
        assertThat(judged.message()).contains("disagree");
    }

    @Test
    void aTestWithoutAnyRecordCountsAsMissing() {
        TestRecord judged = RunEvidence.read(module, new ConsoleSummary()).judge(VISIBLE);

        assertThat(judged.status()).isEqualTo(TestRecord.Status.MISSING);
    }

    @Test
    void linesThatStudentOutputCouldPrintWithoutMavensPrefixAreNotBelieved() {
        ConsoleSummary log = new ConsoleSummary().add(
                "Tests run: 9, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 1 s -- in workbook.demo.AddTest\n"
                        + "  [INFO] Tests run: 9, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 1 s -- in workbook.demo.AddTest");

        assertThat(log.of("workbook.demo.AddTest")).isEmpty();
    }

    @Test
    void theSecondPassReplacesTheFirstPassLineOfAClass() {
        ConsoleSummary log = new ConsoleSummary()
                .add(consoleLine(3, 3, "workbook.demo.AddTest"))
                .add(consoleLine(3, 0, "workbook.demo.AddTest"));

        assertThat(log.of("workbook.demo.AddTest")).contains(new ConsoleSummary.ClassLine(3, 0));
    }

    @Test
    void hiddenTestsReachTheStudentWithoutTheirNamesOrMessages() {
        ExerciseSpec spec = new ExerciseSpec("1.1", "Add", 3, "use +");
        List<TestRecord> records = List.of(
                new TestRecord("1.1", VISIBLE.testClass(), "adds", false, TestRecord.Status.PASSED, ""),
                new TestRecord("1.1", HIDDEN.testClass(), "addsRandom", true, TestRecord.Status.FAILED,
                        "AssertionFailedError: expected 1234567 but was 7"));
        Baseline.ModuleBaseline baseline = new Baseline.ModuleBaseline("module-09-demo", List.of(spec), List.of(VISIBLE, HIDDEN));
        SubmissionResult result = new SubmissionResult("alice",
                List.of(new SubmissionResult.ModuleResult(ModuleScore.of(baseline.catalog(), records), "")),
                List.of(), List.of(), 0, false, 0, Duration.ofSeconds(5), Sandbox.Level.BWRAP);

        String json = Reports.gradescope(result);
        String summary = Reports.summary(result);

        assertThat(json).contains("\"score\": 0").contains("\"max_score\": 3").contains("hidden tests: 0 of 1 passed");
        assertThat(json + summary).doesNotContain("addsRandom").doesNotContain("1234567").doesNotContain("AddHiddenTest");
    }

    @Test
    void aSubmissionThatTamperedEarnsNothing() {
        ExerciseSpec spec = new ExerciseSpec("1.1", "Add", 3, "use +");
        List<TestRecord> records = List.of(new TestRecord("1.1", VISIBLE.testClass(), "adds", false, TestRecord.Status.PASSED, ""));
        Baseline.ModuleBaseline baseline = new Baseline.ModuleBaseline("module-09-demo", List.of(spec), List.of(VISIBLE));
        SubmissionResult result = new SubmissionResult("mallory",
                List.of(new SubmissionResult.ModuleResult(ModuleScore.of(baseline.catalog(), records), "")),
                List.of(), List.of("changed module-09-demo/target/test-classes/X.class"), 0, false, 0, Duration.ofSeconds(5),
                Sandbox.Level.BWRAP);

        assertThat(result.pointsEarned()).isZero();
        assertThat(Reports.scores(result)).contains("total\t0\t3").contains("tampered\ttrue");
    }

    @Test
    void jsonStringsAndCsvFieldsAreEscaped() {
        assertThat(Reports.string("a \"quote\"\\ and\nline\u0001")).isEqualTo("\"a \\\"quote\\\"\\\\ and\\nline\\u0001\"");
        assertThat(Reports.csvField("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Reports.csvField("doe, jane")).isEqualTo("\"doe, jane\"");
    }

    @Test
    void compilerErrorsInHiddenTestsAreReportedWithoutTheirCode(@TempDir Path copy) {
        String prefix = copy.resolve("module-09-demo") + "/";
        String log = "[INFO] Compiling 3 source files\n"
                + "[ERROR] " + prefix + "src/main/java/workbook/demo/Adder.java:[8,9] cannot find symbol\n"
                + "  symbol:   variable x\n"
                + "[ERROR] " + prefix + "src/hidden/java/workbook/demo/AddHiddenTest.java:[12,5] assertEquals(4242, Adder.add(4000, 242))\n"
                + "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.14.1:compile (default-compile)"
                + " on project module-09-demo: Compilation failure\n";

        String message = Grader.compilerMessage(log, "module-09-demo", copy);

        assertThat(Grader.failedProjects(log, List.of("module-09-demo", "module-10-other"))).containsExactly("module-09-demo");
        assertThat(message).contains("src/main/java/workbook/demo/Adder.java:[8,9] cannot find symbol", "symbol:   variable x",
                "a hidden test does not compile against your code");
        assertThat(message).doesNotContain("4242").doesNotContain(copy.toString());
    }

    @Test
    void aTestJvmThatDiedIsNotACompileFailure() {
        String log = "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.5.4:test (default-test)"
                + " on project module-09-demo: The forked VM terminated without properly saying goodbye\n";

        assertThat(Grader.failedProjects(log, List.of("module-09-demo"))).isEmpty();
    }

    @Test
    void aClassWithTwoSummaryLinesInOneLogIsNotBelieved() {
        String line = "[INFO] Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.1 s -- in workbook.demo.AddTest";
        ConsoleSummary once = new ConsoleSummary().add(line.replace("Failures: 0", "Failures: 1"));
        ConsoleSummary forged = new ConsoleSummary().add(line.replace("Failures: 0", "Failures: 1") + "\n" + line);

        assertThat(once.of("workbook.demo.AddTest")).contains(new ConsoleSummary.ClassLine(2, 1));
        assertThat(forged.of("workbook.demo.AddTest")).contains(ConsoleSummary.CONFLICTING);
    }

    @Test
    void printedOutputIsLeftOutOfAReportAndCannotBecomeMarkup() throws Exception {
        String report = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"x\">\n"
                + "<testcase name=\"a\" classname=\"workbook.demo.AddTest\"><failure message=\"m\"/>"
                + "<system-out><![CDATA[noise </system-out><testcase name=\"forged\" classname=\"workbook.demo.AddTest\"/>"
                + " ]]></system-out><system-err/></testcase>\n</testsuite>\n";
        java.io.StringWriter out = new java.io.StringWriter();

        ReportWithoutOutput.filter(new java.io.StringReader(report), out);

        assertThat(out.toString()).doesNotContain("noise").doesNotContain("forged")
                .contains("<system-out></system-out><system-err/>").contains("<failure message=\"m\"/>");
    }

    @Test
    void aReportThatHoldsMuchPrintedOutputIsRead(@TempDir Path module) throws Exception {
        Path reports = Files.createDirectories(module.resolve("target/surefire-reports"));
        try (java.io.Writer xml = Files.newBufferedWriter(reports.resolve("TEST-workbook.demo.AddTest.xml"))) {
            xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"workbook.demo.AddTest\">\n"
                    + "<testcase name=\"adds\" classname=\"workbook.demo.AddTest\"/>\n"
                    + "<testcase name=\"addsRandom\" classname=\"workbook.demo.AddTest\"><failure message=\"no\"/><system-out><![CDATA[");
            String line = "x".repeat(1023) + "\n";
            for (int i = 0; i < 64 * 1024; i++) { // 64 MB; the output-flood fixture proves 300 MB within bin/grade's 512 MB heap
                xml.write(line);
            }
            xml.write("]]></system-out></testcase>\n</testsuite>\n");
        }

        // the kit's record claims a pass, so the verdict comes from the large report
        Files.createDirectories(module.resolve("target/workbook-results"));
        Files.writeString(module.resolve("target/workbook-results/workbook.demo.AddTest.tsv"), TestRecord.HEADER + "\n"
                + "1.1\tworkbook.demo.AddTest\taddsRandom (addsRandom())\tfalse\tpassed\t\n");
        RunEvidence evidence = RunEvidence.read(module, new ConsoleSummary().add(
                "[ERROR] Tests run: 2, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.1 s -- in workbook.demo.AddTest"));

        assertThat(evidence.judge(new ExpectedTest("1.1", "workbook.demo.AddTest", "addsRandom", false)).status())
                .isEqualTo(TestRecord.Status.FAILED);
    }

    @Test
    void bytesThatAreNotUtf8AreReadAsReplacementCharacters() {
        byte[] log = {'o', 'k', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\n'};

        assertThat(MavenRun.lenient(log)).startsWith("ok").contains("\uFFFD").endsWith("\n");
    }

    @Test
    void theSummaryAndScoresNameTheSandbox() {
        ExerciseSpec spec = new ExerciseSpec("1.1", "Add", 3, "use +");
        Baseline.ModuleBaseline baseline = new Baseline.ModuleBaseline("module-09-demo", List.of(spec), List.of(VISIBLE));
        SubmissionResult result = new SubmissionResult("carol",
                List.of(new SubmissionResult.ModuleResult(ModuleScore.of(baseline.catalog(), List.of()), "")),
                List.of(), List.of(), 0, false, 0, Duration.ofSeconds(5), Sandbox.Level.NONE);

        assertThat(Reports.summary(result)).contains("Sandbox: none");
        assertThat(Reports.scores(result)).contains("sandbox\tnone").contains("graded\ttrue");
        assertThat(Reports.gradebook(List.of(result))).contains("graded without a sandbox");
    }

    private void results(String testClass, String test, String status) throws IOException {
        Path folder = Files.createDirectories(module.resolve("target/workbook-results"));
        Files.write(folder.resolve(testClass + ".tsv"), List.of(TestRecord.HEADER,
                String.join("\t", "1.1", testClass, test, "false", status, "")));
    }

    private void xml(String testClass, String cases) throws IOException {
        Path folder = Files.createDirectories(module.resolve("target/surefire-reports"));
        Files.writeString(folder.resolve("TEST-" + testClass + ".xml"),
                "<?xml version=\"1.0\"?>\n<testsuite name=\"" + testClass + "\">" + cases + "</testsuite>\n");
    }

    private static String consoleLine(int tests, int failures, String testClass) {
        return "[INFO] Tests run: " + tests + ", Failures: " + failures + ", Errors: 0, Skipped: 0, Time elapsed: 0.1 s -- in " + testClass;
    }
}
