package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** The class report is one well-formed file that shows what needs a person and never names a hidden test. */
@Timeout(30)
class ClassReportTest {

    private static final List<SubmissionResult> RESULTS = ClassFixtures.sevenSubmissions();
    private static final String HTML = ClassReport.html(ClassResults.of(Shard.ALL, RESULTS.size(),
            IntStream.range(0, RESULTS.size()).boxed().toList(), RESULTS));

    @Test
    void itIsWellFormedAndLoadsNothing() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        factory.setExpandEntityReferences(false);
        Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(HTML)));

        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("html");
        assertThat(doc.getElementsByTagName("svg").getLength()).isEqualTo(1);
        assertThat(HTML).contains("default-src 'none'").doesNotContain("<script").doesNotContain("http://www.w3.org/1999")
                .doesNotContain("src=").doesNotContain("href=").doesNotContain("@import").doesNotContain("url(");
    }

    @Test
    void namesAreEscaped() {
        assertThat(HTML).contains("carol, &quot;the&quot; &lt;script&gt;alert(1)&lt;/script&gt;").contains("Wait &lt;for&gt; it");
    }

    @Test
    void itNamesNoHiddenTestButCountsItsKindOfFailure() {
        assertThat(HTML).doesNotContain("AddHiddenTest").doesNotContain("addsSecretNumbers").doesNotContain("4242")
                .contains("hidden test failed").contains("hidden test timed out");
    }

    @Test
    void itShowsPassRatesTheMostCommonFirstFailureAndWhoNeedsAPerson() {
        String text = HTML.replaceAll("\\s+", " ");
        assertThat(text).contains("7 submissions, 6 graded");
        // 9.1: alice and erin pass; bob and carol fail a hidden test, dave's score is withheld, frank does not compile.
        assertThat(text).contains("<b>9.1</b> Add").contains("33% <span class=\"muted\">(2/6)</span>")
                .contains("<code>does not compile</code> <span class=\"muted\">(1 of 4)</span><br/><code>hidden test failed</code>"
                        + " <span class=\"muted\">(1 of 4)</span><br/><code>hidden test timed out</code>");
        assertThat(text).contains("<code>WaitTest.waitsForTheChild (not started)</code> <span class=\"muted\">(1 of 4)</span>")
                .contains("<h3>Score withheld (changed files of the grader) <span class=\"muted\">(1)</span></h3> <ul> <li><code>dave</code></li>")
                .contains("<li><code>grace.zip</code>: not a folder")
                .contains("<li><code>erin</code>: 3 processes</li>").contains("1 process</li>")
                .contains("<li><code>frank</code>: module-09-demo</li>");
    }

    @Test
    void theHistogramCountsEveryGradedSubmission() {
        String svg = ClassReport.histogram(ClassResults.of(Shard.ALL, RESULTS.size(),
                IntStream.range(0, RESULTS.size()).boxed().toList(), RESULTS).records().stream()
                .filter(r -> r.notGraded().isEmpty()).toList(), 5);
        int total = java.util.regex.Pattern.compile("<text class=\"count\"[^>]*>(\\d+)</text>").matcher(svg).results()
                .mapToInt(m -> Integer.parseInt(m.group(1))).sum();
        assertThat(total).isEqualTo(6);
    }
}
