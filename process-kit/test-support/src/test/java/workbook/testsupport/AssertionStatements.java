package workbook.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the AssertJ assertions of a Java source and tells which of them say their rule.
 *
 * <p>An assertion is an {@code assertThat…(} call with its chain, up to the {@code ;} (or the
 * {@code )} or {@code ,} that closes the expression it sits in, as in a lambda). It says its rule when
 * its chain calls {@code as}, {@code describedAs}, {@code withFailMessage} or
 * {@code overridingErrorMessage} before its first check: a check ({@code isEqualTo}, {@code isThrownBy},
 * …) that fails before the description is set shows only AssertJ's bare message, such as "Expecting code
 * to raise a throwable.", and the student must open the test to learn what was wrong. Only calls that
 * check nothing ({@link #NOT_CHECKS}, such as {@code extracting}) may come before the description.
 *
 * <p>{@code assertThatThrownBy(code)} is the exception: when the code throws nothing it fails inside
 * that call, before any {@code .as(…)} after it is applied. It says its rule only through AssertJ's
 * overload {@code assertThatThrownBy(code, "the rule", args…)}, written with a string literal.
 *
 * <p>This reads the text, it does not compile it: comments and the insides of string and character
 * literals are blanked out first, so that a {@code ;} or an {@code assertThat} in them counts for nothing.
 */
final class AssertionStatements {

    /** One assertion: the line its {@code assertThat…} is on (from 1), and whether it says its rule. */
    record Assertion(int line, boolean described) {
    }

    private static final Pattern START = Pattern.compile("\\bassertThat\\w*\\s*\\(");
    private static final Set<String> DESCRIPTIONS = Set.of("as", "describedAs", "withFailMessage", "overridingErrorMessage");
    /** Calls of a chain that may come before its description: they pick what to check, and check nothing. */
    private static final Set<String> NOT_CHECKS = Set.of("extracting", "flatExtracting", "asInstanceOf", "asString",
            "usingComparator", "usingElementComparator", "usingRecursiveComparison", "withRepresentation");
    private static final Pattern CALL = Pattern.compile("\\.\\s*(\\w+)\\s*\\(");

    private AssertionStatements() {
    }

    /** @return the assertions of a Java source, in their order in it */
    static List<Assertion> in(String source) {
        String code = blankCommentsAndLiterals(source);
        List<Assertion> assertions = new ArrayList<>();
        Matcher start = START.matcher(code);
        while (start.find()) {
            String chain = outsideArguments(code, start.start());
            boolean described = chain.startsWith("assertThatThrownBy")
                    ? hasStringSecondArgument(code, start.end())
                    : describedBeforeItsFirstCheck(chain);
            assertions.add(new Assertion(lineOf(code, start.start()), described));
        }
        return assertions;
    }

    /** @param chain such as {@code assertThat().extracting().as().containsExactly()} */
    private static boolean describedBeforeItsFirstCheck(String chain) {
        Matcher call = CALL.matcher(chain);
        while (call.find()) {
            if (DESCRIPTIONS.contains(call.group(1))) {
                return true;
            }
            if (!NOT_CHECKS.contains(call.group(1))) {
                return false;
            }
        }
        return false;
    }

    /**
     * @return the statement that starts at {@code from}, with what lies inside its brackets left out but
     *     the brackets kept: {@code assertThat(x).as("rule").isTrue();} gives {@code assertThat().as().isTrue()}
     */
    private static String outsideArguments(String code, int from) {
        StringBuilder chain = new StringBuilder();
        int depth = 0;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (isOpening(c)) {
                depth++;
                if (depth == 1) {
                    chain.append(c);
                }
            } else if (isClosing(c)) {
                depth--;
                if (depth < 0) {
                    break; // the end of the expression the assertion sits in, as in () -> assertThat(x).isTrue()
                }
                if (depth == 0) {
                    chain.append(c);
                }
            } else if (depth == 0) {
                if (c == ';' || c == ',') {
                    break;
                }
                chain.append(c);
            }
        }
        return chain.toString();
    }

    /**
     * @param from just after the opening bracket of a call
     * @return whether the call has a second argument that is a string literal: {@code (code, "rule")}
     */
    private static boolean hasStringSecondArgument(String code, int from) {
        int depth = 1;
        for (int i = from; i < code.length() && depth > 0; i++) {
            char c = code.charAt(i);
            if (isOpening(c)) {
                depth++;
            } else if (isClosing(c)) {
                depth--;
            } else if (c == ',' && depth == 1) {
                return code.substring(i + 1).stripLeading().startsWith("\"");
            }
        }
        return false;
    }

    private static boolean isOpening(char c) {
        return c == '(' || c == '[' || c == '{';
    }

    private static boolean isClosing(char c) {
        return c == ')' || c == ']' || c == '}';
    }

    private static int lineOf(String code, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * @return the source with the insides of comments, strings, text blocks and character literals turned
     *     into spaces (line breaks kept, so that lines keep their numbers; quotes kept, so that a literal is
     *     still seen as one)
     */
    static String blankCommentsAndLiterals(String source) {
        StringBuilder code = new StringBuilder(source);
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("//", i)) {
                i = blank(code, i, source.indexOf('\n', i), 0);
            } else if (source.startsWith("/*", i)) {
                i = blank(code, i, source.indexOf("*/", i + 2), 2);
            } else if (source.startsWith("\"\"\"", i)) {
                i = blank(code, i + 3, endOfLiteral(source, i + 3, "\"\"\""), 0) + 3;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                String quote = String.valueOf(source.charAt(i));
                i = blank(code, i + 1, endOfLiteral(source, i + 1, quote), 0) + 1;
            } else {
                i++;
            }
        }
        return code.toString();
    }

    /** @return where the literal that goes on at {@code from} ends: the index of its closing quote */
    private static int endOfLiteral(String source, int from, String quote) {
        for (int i = from; i < source.length(); i++) {
            if (source.charAt(i) == '\\') {
                i++;
            } else if (source.startsWith(quote, i)) {
                return i;
            }
        }
        return -1;
    }

    /** Blanks {@code from..to} (to the end when {@code to} is -1) and the {@code extra} characters after it. */
    private static int blank(StringBuilder code, int from, int to, int extra) {
        int end = to < 0 ? code.length() : Math.min(code.length(), to + extra);
        for (int i = from; i < end; i++) {
            if (code.charAt(i) != '\n') {
                code.setCharAt(i, ' ');
            }
        }
        return end;
    }
}
