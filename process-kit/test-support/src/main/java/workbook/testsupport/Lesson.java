package workbook.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Points at the part of a module's lesson ({@code README.md}) that explains an exercise.
 *
 * <p>The link is {@code <module>/README.md#<anchor>}, where the anchor is the one GitHub (and most
 * Markdown viewers) give to the first heading that names the exercise id, such as
 * {@code ## Exercise 1.3: Pass arguments} becoming {@code #exercise-13-pass-arguments}. Reading the
 * heading from the lesson keeps links right however the author words it.
 */
public final class Lesson {

    private Lesson() {
    }

    /**
     * @param moduleDirectory the module's folder (its name is used in the link)
     * @param exerciseId such as {@code "1.3"}
     * @return such as {@code module-01-basics/README.md#exercise-13-pass-arguments}, or the README alone
     *     when no heading names the exercise
     */
    public static String link(Path moduleDirectory, String exerciseId) {
        Path absolute = moduleDirectory.toAbsolutePath().normalize();
        String readme = absolute.getFileName() + "/README.md";
        return anchor(absolute.resolve("README.md"), exerciseId).map(a -> readme + "#" + a).orElse(readme);
    }

    static java.util.Optional<String> anchor(Path readme, String exerciseId) {
        List<String> lines;
        try {
            lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
        Pattern namesExercise = Pattern.compile("^#{1,6}\\s.*(?<![\\d.])" + Pattern.quote(exerciseId) + "(?![\\d])");
        return lines.stream()
                .filter(line -> namesExercise.matcher(line).find())
                .findFirst()
                .map(Lesson::slug);
    }

    /** @return GitHub's anchor for a heading line */
    static String slug(String headingLine) {
        String text = headingLine.replaceFirst("^#+\\s*", "").strip();
        return text.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
    }
}
