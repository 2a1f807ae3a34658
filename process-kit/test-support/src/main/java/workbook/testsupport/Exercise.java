package workbook.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares which exercise a test class (or a single test method) grades, such as
 * {@code @Exercise("1.3")}. The id must be registered in the module's {@link ExerciseCatalog}.
 * Every graded test carries exactly one exercise; a method annotation overrides the class one.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Exercise {
    /** @return the exercise id, {@code "<module>.<number>"} */
    String value();
}
