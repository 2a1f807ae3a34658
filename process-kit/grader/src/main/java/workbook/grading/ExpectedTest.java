package workbook.grading;

/**
 * A test the instructor's build runs: the grader looks for its result in every submission, and a
 * registered test without a result counts as failed.
 *
 * @param exercise the exercise it grades
 * @param testClass its class, as the results files name it
 * @param method its method; repeated and parameterised tests have several results under one method
 * @param hidden whether it is a hidden test
 */
record ExpectedTest(String exercise, String testClass, String method, boolean hidden) {

    /** @return the method name of a results file's test column, {@code "method (display name)"} */
    static String methodOf(String test) {
        int space = test.indexOf(" (");
        return space < 0 ? test : test.substring(0, space);
    }

    /** @return the top-level class, which is what Surefire selects with {@code -Dtest} */
    String topLevelClass() {
        int dollar = testClass.indexOf('$');
        return dollar < 0 ? testClass : testClass.substring(0, dollar);
    }
}
