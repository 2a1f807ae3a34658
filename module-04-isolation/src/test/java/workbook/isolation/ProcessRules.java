package workbook.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import workbook.process.JvmProcess;

/**
 * Static checks on the student's code with ArchUnit: what the tests cannot see from outside, such as
 * whether a method meant to run work in a child really starts a process.
 */
final class ProcessRules {

    private static JavaClasses mainClasses;

    private ProcessRules() {
    }

    private static synchronized JavaClasses mainClasses() {
        if (mainClasses == null) {
            mainClasses = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("workbook.isolation");
        }
        return mainClasses;
    }

    /**
     * Asserts that {@code type} (its methods and the lambdas written in them) calls {@code start()} on a
     * {@link JvmProcess} or a {@link ProcessBuilder}.
     */
    static void assertStartsAProcess(Class<?> type) {
        Set<String> starts = callsFrom(type, call -> call.getName().equals("start")
                && (call.getTargetOwner().isAssignableTo(JvmProcess.class)
                        || call.getTargetOwner().isAssignableTo(ProcessBuilder.class)));
        assertThat(starts)
                .as("%s must run its work in a child process: it should call start() on a JvmProcess or a"
                        + " ProcessBuilder, but it never does (doing the work in the test's own JVM proves nothing"
                        + " about processes)", type.getSimpleName())
                .isNotEmpty();
    }

    /**
     * Asserts that {@code type} calls {@code ProcessBuilder.start()}: a {@code JvmProcess} cannot set a
     * child's working directory or environment.
     */
    static void assertStartsWithProcessBuilder(Class<?> type) {
        Set<String> starts = callsFrom(type, call -> call.getName().equals("start")
                && call.getTargetOwner().isAssignableTo(ProcessBuilder.class));
        assertThat(starts)
                .as("%s must start its child with ProcessBuilder.start(), the only JDK way to give a child its own"
                        + " working directory and environment", type.getSimpleName())
                .isNotEmpty();
    }

    /** @return descriptions of the calls from {@code type} and its nested classes that match */
    static Set<String> callsFrom(Class<?> type, Predicate<JavaMethodCall> matching) {
        return mainClasses().stream()
                .filter(c -> c.getName().equals(type.getName()) || c.getName().startsWith(type.getName() + "$"))
                .map(JavaClass::getMethodCallsFromSelf)
                .flatMap(Set::stream)
                .filter(matching)
                .map(JavaMethodCall::getDescription)
                .collect(Collectors.toSet());
    }
}
