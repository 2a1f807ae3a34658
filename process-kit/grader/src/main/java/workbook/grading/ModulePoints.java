package workbook.grading;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import workbook.testsupport.ExerciseCatalog;
import workbook.testsupport.ExerciseSpec;

/**
 * Prints what each module is worth, from its compiled exercise registry, for {@code bin/release}'s
 * GitHub Classroom workflow: one line {@code <module>\t<points>} per module that has exercises.
 *
 * <pre>java ... workbook.grading.ModulePoints module-01-basics module-02-join ...</pre>
 *
 * The modules must have been built ({@code target/test-classes}); a module without a registry is left out.
 */
public final class ModulePoints {

    private ModulePoints() {
    }

    public static void main(String[] args) throws Exception {
        for (String arg : args) {
            Path module = Path.of(arg);
            Path testClasses = module.resolve("target/test-classes");
            if (!Files.isDirectory(testClasses)) {
                continue;
            }
            URL[] urls = {testClasses.toUri().toURL(), module.resolve("target/classes").toUri().toURL()};
            try (URLClassLoader loader = new URLClassLoader(urls, ModulePoints.class.getClassLoader())) {
                for (ExerciseCatalog catalog : ServiceLoader.load(ExerciseCatalog.class, loader)) {
                    System.out.println(catalog.module() + "\t" + catalog.exercises().stream().mapToInt(ExerciseSpec::points).sum());
                    break;
                }
            }
        }
    }
}
