package workbook.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;
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
            List<String[]> found = new ArrayList<>(); // {classname, name, passed}
            try {
                if (Files.size(file) > MAX_XML_FILE) {
                    continue;
                }
                // A failing test's report holds what it printed, possibly hundreds of megabytes: leave it out first.
                Path stripped = Files.createTempFile("workbook-report-", ".xml");
                try {
                    ReportWithoutOutput.write(file, stripped);
                    parse(stripped, found);
                } finally {
                    Files.deleteIfExists(stripped);
                }
            } catch (Exception unreadable) {
                continue; // a broken report proves nothing; its tests stay without a result
            }
            for (String[] c : found) {
                int dollar = c[0].indexOf('$');
                String top = dollar < 0 ? c[0] : c[0].substring(0, dollar);
                xmlByClass.computeIfAbsent(top, k -> new ArrayList<>()).add(new XmlCase(c[1], Boolean.parseBoolean(c[2])));
            }
        }
    }

    /** Adds {classname, name, passed} for every test case of a report (without printed output) to {@code found}. */
    private static void parse(Path report, List<String[]> found) throws Exception {
        safeParser().parse(report.toFile(), new DefaultHandler() {
            private String[] current;

            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                if (qName.equals("testcase")) {
                    current = new String[] {String.valueOf(attributes.getValue("classname")),
                            String.valueOf(attributes.getValue("name")), "true"};
                } else if (current != null && (qName.equals("failure") || qName.equals("error")
                        || qName.equals("skipped") || qName.startsWith("flaky") || qName.startsWith("rerun"))) {
                    current[2] = "false";
                }
            }

            @Override
            public void endElement(String uri, String localName, String qName) {
                if (qName.equals("testcase") && current != null) {
                    found.add(current);
                    current = null;
                }
            }
        });
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

    /** @return a SAX parser that reads no DTD and no external entity: a report is data, never instructions */
    private static SAXParser safeParser() throws Exception {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        return factory.newSAXParser();
    }
}
