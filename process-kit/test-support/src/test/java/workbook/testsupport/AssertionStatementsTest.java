package workbook.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import workbook.testsupport.AssertionStatements.Assertion;

@Timeout(10)
class AssertionStatementsTest {

    @Test
    void anAssertionWithAsOrDescribedAsSaysItsRule() {
        String source = """
                assertThat(exit).as("a child that returns normally exits with 0").isZero();
                assertThat(lines).describedAs("the child's lines, in order").containsExactly("a", "b");
                assertThat(pid).withFailMessage("the pid is positive, was %d", pid).isPositive();
                """;

        assertThat(AssertionStatements.in(source))
                .as("each assertion that has a description is found, on its line, as described")
                .containsExactly(new Assertion(1, true), new Assertion(2, true), new Assertion(3, true));
    }

    @Test
    void aBareAssertionIsFoundOnItsLine() {
        String source = """
                int exit = process.waitFor();

                assertThat(exit).isZero();
                """;

        assertThat(AssertionStatements.in(source))
                .as("an assertion without a description is found, on its line, as bare")
                .containsExactly(new Assertion(3, false));
    }

    @Test
    void assertThatThrownBySaysItsRuleOnlyThroughItsDescriptionArgument() {
        String source = """
                assertThatThrownBy(() -> start(" ")).isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> start(" ")).as("too late when nothing is thrown").isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> start(List.of("a", "b")), "a blank class name is rejected").isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> start(Map.of("a", "b"))).isInstanceOf(IllegalArgumentException.class);
                """;

        assertThat(AssertionStatements.in(source))
                .as("only the overload assertThatThrownBy(code, \"rule\") counts as described; a comma inside the code does not")
                .extracting(Assertion::described)
                .containsExactly(false, false, true, false);
    }

    @Test
    void aDescriptionAfterTheFirstCheckComesTooLate() {
        String source = """
                assertThat(tree).extracting(TreeLine::pid).as("the root comes first").startsWith(1L);
                assertThat(pid).isPositive().as("too late for isPositive").isNotEqualTo(self);
                assertThatExceptionOfType(IOException.class).as("a closed appender refuses").isThrownBy(() -> append("x"));
                assertThatExceptionOfType(IOException.class).isThrownBy(() -> append("x")).as("too late");
                assertThatCode(() -> close()).as("close() never throws").doesNotThrowAnyException();
                """;

        assertThat(AssertionStatements.in(source))
                .as("a description counts only before the chain's first check; extracting(…) checks nothing")
                .extracting(Assertion::described)
                .containsExactly(true, false, true, false, true);
    }

    @Test
    void aChainOverSeveralLinesIsOneAssertion() {
        String source = """
                assertThat(children)
                        .extracting(Process::isAlive)
                        .as("every child has ended")
                        .containsOnly(false);
                assertThatCode(() -> {
                            first();
                            second();
                        })
                        .doesNotThrowAnyException();
                """;

        assertThat(AssertionStatements.in(source))
                .as("a chain is read up to its ';', and the ';' inside a lambda's block does not end it")
                .containsExactly(new Assertion(1, true), new Assertion(5, false));
    }

    @Test
    void stringsAndCommentsCountForNothing() {
        String source = """
                assertThat(line).isEqualTo("a; .as(b)"); // assertThat(x).as("in a comment")
                /* assertThat(y).isTrue(); */
                assertThat(text).isEqualTo(\"""
                        ; .as("inside a text block")
                        \""");
                char quote = '"'; assertThat(c).as("the rule, after a quote in a character literal").isEqualTo(quote);
                """;

        assertThat(AssertionStatements.in(source))
                .as("a ';', '.as(' or 'assertThat' inside a string, text block, character or comment is not code")
                .containsExactly(new Assertion(1, false), new Assertion(3, false), new Assertion(6, true));
    }

    @Test
    void anAssertionInsideALambdaEndsWithTheLambda() {
        String source = """
                await().untilAsserted(() -> assertThat(file).exists());
                assertThat(children).as("every child ended").allSatisfy(child -> assertThat(child.isAlive()).isFalse());
                """;

        List<Assertion> assertions = AssertionStatements.in(source);

        assertThat(assertions)
                .as("an assertion that is the body of a lambda is one of its own, and a description outside it is not its")
                .containsExactly(new Assertion(1, false), new Assertion(2, true), new Assertion(2, false));
    }
}
