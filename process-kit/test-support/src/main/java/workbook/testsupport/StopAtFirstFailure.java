package workbook.testsupport;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * With {@code -Dworkbook.stopAtFirstFailure=true}, skips every test of the test JVM that would start after
 * one has failed. {@code bin/check-wrong-solutions} sets it: a wrong solution is proven caught by one
 * failing test of its exercise, and the tests after it would only add their waits (a wrong solution often
 * makes each of them wait out its whole time limit). Surefire's own {@code skipAfterFailureCount} skips
 * nothing with the JUnit Platform version the workbook uses.
 *
 * <p>Without the property (a student's build, a grading run) it does nothing: every test runs. Loaded by
 * JUnit's extension auto-detection through {@code META-INF/services/org.junit.jupiter.api.extension.Extension}.
 */
public final class StopAtFirstFailure implements ExecutionCondition, TestWatcher {

    /** The system property that turns it on. */
    public static final String PROPERTY = "workbook.stopAtFirstFailure";

    /** Where the first failure is kept: the store of the whole run, shared by every test class. */
    private static final ExtensionContext.Namespace RUN = ExtensionContext.Namespace.create(StopAtFirstFailure.class);
    private static final String FIRST_FAILURE = "first failure";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String failed = context.getRoot().getStore(RUN).get(FIRST_FAILURE, String.class);
        if (failed == null || context.getTestMethod().isEmpty() || !Boolean.getBoolean(PROPERTY)) {
            return ConditionEvaluationResult.enabled("no test has failed, or " + PROPERTY + " is not set");
        }
        return ConditionEvaluationResult.disabled("not run (" + PROPERTY + "): " + failed + " failed before it");
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        context.getRoot().getStore(RUN).getOrComputeIfAbsent(FIRST_FAILURE,
                key -> context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName(), String.class);
    }
}
