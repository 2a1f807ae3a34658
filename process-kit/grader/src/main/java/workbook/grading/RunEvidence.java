package workbook.grading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import workbook.testsupport.TestRecord;

/**
 * The two records a test run leaves of one module, read defensively: the workbook's results files
 * (written inside the test JVM by the kit's recorder), Surefire's JUnit XML reports (written by Maven
 * from what the test JVM reported) and Surefire's line per class in Maven's log ({@link ConsoleSummary}).
 * Each comes from one of two runs: visible tests from the run of a copy that holds no hidden test, hidden
 * tests from the run of the full copy ({@link Grader}).
 * A test counts as passed only when all three agree: forging one of them earns nothing.
 *
 * <p>Both live where student code could write, so they are read with size limits, malformed lines are
 * skipped, XML is parsed without DTDs or external entities, and only tests of the {@link Baseline} are
 * looked up.
 */
final class RunEvidence {

    static final long MAX_RESULTS_FILE = 4L * 1024 * 1024;
    /**
     * Reports are read as a stream, so a large one (a failing test that printed a lot) costs no memory;
     * this bound only keeps a disk-sized forgery from costing time.
     */
    static final long MAX_XML_FILE = 1024L * 1024 * 1024;

    /** How Surefire reported one test case. */
    record XmlCase(String name, boolean passed) {
    }

    private final Map<String, List<TestRecord>> recordsByClass = new HashMap<>();
    private final Map<String, List<XmlCase>> xmlByClass = new HashMap<>();

    private final ConsoleSummary console;

    private RunEvidence(ConsoleSummary console) {
        this.console = console;
    }

    /** Reads what a run left in a module's folder, with what Maven's log said about it. */
    static RunEvidence read(Path module, ConsoleSummary console) {
        RunEvidence evidence = new RunEvidence(console);
        evidence.readResults(module.resolve("target/workbook-results"));
        evidence.readXml(module.resolve("target/surefire-reports"));
        return evidence;
    }

    /**
     * Decides how an expected test went.
     *
     * @return the trusted record: the baseline's identity of the test with the run's status
     */
    TestRecord judge(ExpectedTest test) {
        List<TestRecord> results = recordsByClass.getOrDefault(test.testClass(), List.of()).stream()
                .filter(r -> ExpectedTest.methodOf(r.test()).equals(test.method())).toList();
        String name = test.method();
        if (results.isEmpty() || results.stream().anyMatch(r -> r.status() == TestRecord.Status.MISSING)) {
            return record(test, TestRecord.Status.MISSING,
                    "no result: the test JVM stopped before this test finished (System.exit, a crash, or the time limit)");
        }
        for (TestRecord r : results) {
            if (r.status() != TestRecord.Status.PASSED) {
                return record(test, r.status(), r.message());
            }
        }
        List<XmlCase> cases = xmlByClass.getOrDefault(test.topLevelClass(), List.of()).stream()
                .filter(c -> c.name().equals(name) || c.name().startsWith(name + "(")).toList();
        if (cases.isEmpty()) {
            return record(test, TestRecord.Status.MISSING, "no result in Surefire's report of the run (did the test JVM stop?)");
        }
        if (cases.stream().anyMatch(c -> !c.passed())) {
            return record(test, TestRecord.Status.FAILED, "Surefire's report of the run records a failure of this test");
        }
        List<XmlCase> wholeClass = xmlByClass.getOrDefault(test.topLevelClass(), List.of());
        ConsoleSummary.ClassLine line = console.of(test.topLevelClass()).orElse(null);
        if (line == null) {
            return record(test, TestRecord.Status.MISSING, "Maven's log of the run has no result for this test class");
        }
        long xmlProblems = wholeClass.stream().filter(c -> !c.passed()).count();
        if (line.tests() != wholeClass.size() || line.problems() != xmlProblems) {
            return record(test, TestRecord.Status.FAILED, "the records of the run disagree (Maven's log: " + line.tests()
                    + " tests, " + line.problems() + " not passed; report: " + wholeClass.size() + " tests, "
                    + xmlProblems + " not passed); the results of this class are not trusted");
        }
        return record(test, TestRecord.Status.PASSED, "");
    }

    private static TestRecord record(ExpectedTest test, TestRecord.Status status, String message) {
        return new TestRecord(test.exercise(), test.testClass(), test.method(), test.hidden(), status, message);
    }

    private void readResults(Path folder) {
        for (Path file : filesIn(folder, ".tsv")) {
            try {
                if (Files.size(file) > MAX_RESULTS_FILE) {
                    continue;
                }
                for (String line : MavenRun.lenient(Files.readAllBytes(file)).split("\n")) {
                    if (line.isBlank() || line.equals(TestRecord.HEADER)) {
                        continue;
                    }
                    try {
                        TestRecord r = TestRecord.parse(line);
                        recordsByClass.computeIfAbsent(r.testClass(), k -> new ArrayList<>()).add(r);
                    } catch (IllegalArgumentException malformed) {
                        // not written by the recorder; ignored
                    }
                }
            } catch (IOException | RuntimeException unreadable) {
                // an unreadable file proves nothing; its tests stay without a result
            }
        }
    }

    private void readXml(Path folder) {
        for (Path file : filesIn(folder, ".xml")) {
            if (!file.getFileName().toString().startsWith("TEST-")) {
                continue;
            }
            List<XmlCase> found = new ArrayList<>();
            List<String> classes = new ArrayList<>();
            try (InputStream in = Files.newInputStream(file)) {
                if (Files.size(file) > MAX_XML_FILE) {
                    continue;
                }
                XMLStreamReader xml = safeFactory().createXMLStreamReader(in);
                String name = null;
                String cls = null;
                boolean passed = true;
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        String element = xml.getLocalName();
                        if (element.equals("testcase")) {
                            name = String.valueOf(xml.getAttributeValue(null, "name"));
                            cls = String.valueOf(xml.getAttributeValue(null, "classname"));
                            passed = true;
                        } else if (name != null && (element.equals("failure") || element.equals("error")
                                || element.equals("skipped") || element.startsWith("flaky") || element.startsWith("rerun"))) {
                            passed = false;
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("testcase") && name != null) {
                        found.add(new XmlCase(name, passed));
                        classes.add(cls);
                        name = null;
                    }
                }
            } catch (Exception unreadable) {
                continue; // a broken report proves nothing; its tests stay without a result
            }
            for (int i = 0; i < found.size(); i++) {
                String cls = classes.get(i);
                int dollar = cls.indexOf('$');
                String top = dollar < 0 ? cls : cls.substring(0, dollar);
                xmlByClass.computeIfAbsent(top, k -> new ArrayList<>()).add(found.get(i));
            }
        }
    }

    private static List<Path> filesIn(Path folder, String suffix) {
        if (!Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** @return a streaming XML reader that reads no DTD and no external entity: a report is data, never instructions */
    private static XMLInputFactory safeFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }
}
