package workbook.grading;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A copy of a JUnit XML report with the contents of its {@code <system-out>} and {@code <system-err>}
 * elements left out: what a test printed, which the grader never needs.
 *
 * <p>A failing test's output stays in its report, and student code may print hundreds of megabytes.
 * XML parsers read a CDATA section whole before they hand it over, so such a report would exhaust the
 * grader's memory. This filter streams the report once, in constant memory. It knows CDATA: a printed
 * {@code </system-out>} inside the output does not end the skipping, so printed text can never become
 * report markup. Bytes are kept as they are (ISO-8859-1 maps each byte to one char and back).
 */
final class ReportWithoutOutput {

    private static final String[] OUTPUT_ELEMENTS = {"system-out", "system-err"};

    private ReportWithoutOutput() {
    }

    /** Writes {@code report} without its printed output to {@code copy}. */
    static void write(Path report, Path copy) throws IOException {
        try (Reader in = new BufferedReader(Files.newBufferedReader(report, StandardCharsets.ISO_8859_1));
             Writer out = new BufferedWriter(Files.newBufferedWriter(copy, StandardCharsets.ISO_8859_1))) {
            filter(in, out);
        }
    }

    static void filter(Reader in, Writer out) throws IOException {
        StringBuilder window = new StringBuilder(); // the last few chars, to recognise markers
        String skippingUntil = null; // the end tag that ends the element being skipped, or null
        boolean inCdata = false;
        int c;
        while ((c = in.read()) >= 0) {
            window.append((char) c);
            if (window.length() > 16) {
                window.deleteCharAt(0);
            }
            if (skippingUntil == null) {
                out.write(c);
                for (String element : OUTPUT_ELEMENTS) {
                    if (endsWith(window, "<" + element)) {
                        int next = copyStartTag(in, out);
                        if (next != '/') { // not an empty element: skip its content
                            skippingUntil = "</" + element + ">";
                        }
                    }
                }
            } else if (inCdata) {
                inCdata = !endsWith(window, "]]>");
            } else if (endsWith(window, "<![CDATA[")) {
                inCdata = true;
            } else if (endsWith(window, skippingUntil)) {
                out.write(skippingUntil);
                skippingUntil = null;
                window.setLength(0);
            }
        }
    }

    /** Copies the rest of a start tag up to its '>'; @return the char before '>' ('/' for an empty element) */
    private static int copyStartTag(Reader in, Writer out) throws IOException {
        int before = -1;
        int c;
        while ((c = in.read()) >= 0) {
            out.write(c);
            if (c == '>') {
                return before;
            }
            before = c;
        }
        return before;
    }

    private static boolean endsWith(StringBuilder window, String marker) {
        int from = window.length() - marker.length();
        return from >= 0 && window.indexOf(marker, from) == from;
    }
}
