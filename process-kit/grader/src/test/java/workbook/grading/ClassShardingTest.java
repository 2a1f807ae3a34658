package workbook.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A class graded in N shards and merged gives exactly what one run gives. */
@Timeout(30)
class ClassShardingTest {

    @TempDir
    Path dir;

    @Test
    void theSharesAreDisjointCoverTheClassAndDifferByAtMostOne() {
        for (int n = 1; n <= 8; n++) {
            List<Integer> all = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                List<Integer> share = new Shard(i, n).positions(23);
                all.addAll(share);
                sizes.add(share.size());
            }
            assertThat(all).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 23).boxed().toList());
            assertThat(sizes.stream().mapToInt(Integer::intValue).max().getAsInt()
                    - sizes.stream().mapToInt(Integer::intValue).min().getAsInt()).isLessThanOrEqualTo(1);
        }
        assertThat(Shard.parse("2/3").positions(7)).containsExactly(1, 4);
        assertThat(Shard.parse("3/3").positions(7)).containsExactly(2, 5);
    }

    @Test
    void aShardIsWrittenIOverN() {
        assertThatThrownBy(() -> Shard.parse("0/3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Shard.parse("4/3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Shard.parse("2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Shard.parse("a/b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mergingTheShardsGivesExactlyWhatOneRunGives() throws IOException {
        List<SubmissionResult> results = ClassFixtures.sevenSubmissions();
        Path one = dir.resolve("one");
        publish(Shard.ALL, results, one);
        for (int n : new int[] {1, 2, 3, 7, 9}) {
            List<Path> shards = new ArrayList<>();
            for (int i = n; i >= 1; i--) { // in any order
                Path out = dir.resolve("n" + n + "-shard" + i);
                publish(new Shard(i, n), results, out);
                shards.add(out);
            }
            Path merged = dir.resolve("n" + n + "-merged");

            Gradebook.merge(shards, merged);

            for (String file : List.of("gradebook.csv", "report.html", ClassResults.FILE)) {
                assertThat(Files.readString(merged.resolve(file))).as(file + " of %d shards", n).isEqualTo(Files.readString(one.resolve(file)));
            }
            for (SubmissionResult r : results) {
                Path folder = merged.resolve(r.name());
                if (r.failure().isEmpty()) {
                    assertThat(Files.readString(folder.resolve("summary.md"))).isEqualTo(Reports.summary(r));
                } else {
                    assertThat(folder).doesNotExist();
                }
            }
        }
        assertThat(Files.readString(one.resolve("gradebook.csv"))).isEqualTo(Reports.gradebook(results));
    }

    @Test
    void aMissingRepeatedOrForeignShardIsRefused() throws IOException {
        List<SubmissionResult> results = ClassFixtures.sevenSubmissions();
        Path first = dir.resolve("1");
        Path second = dir.resolve("2");
        Path third = dir.resolve("3");
        publish(new Shard(1, 3), results, first);
        publish(new Shard(2, 3), results, second);
        publish(new Shard(1, 2), results, third);

        assertThatThrownBy(() -> Gradebook.merge(List.of(first, second), dir.resolve("a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shard 3/3 is missing");
        assertThatThrownBy(() -> Gradebook.merge(List.of(first, first, second), dir.resolve("b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("given twice");
        assertThatThrownBy(() -> Gradebook.merge(List.of(first, second, third), dir.resolve("c")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong");
    }

    @Test
    void anyNameSurvivesTheResultsFile() throws IOException {
        List<SubmissionResult> results = new ArrayList<>(ClassFixtures.sevenSubmissions());
        results.set(0, new SubmissionResult("tab\there\nnew\\line", results.get(0).modules(), List.of(), List.of(), 0, false, 0,
                results.get(0).elapsed(), Sandbox.Level.BWRAP));
        ClassResults written = ClassResults.of(Shard.ALL, results.size(), IntStream.range(0, results.size()).boxed().toList(), results);
        written.publish(dir);

        ClassResults read = ClassResults.read(dir);

        assertThat(read).isEqualTo(written);
        assertThat(read.records().get(0).submission()).isEqualTo("tab\there\nnew\\line");
    }

    /** Publishes what {@code bin/grade --class --shard} would: each graded submission's folder, then the class files. */
    private static void publish(Shard shard, List<SubmissionResult> all, Path out) throws IOException {
        List<Integer> positions = shard.positions(all.size());
        List<SubmissionResult> mine = positions.stream().map(all::get).toList();
        for (SubmissionResult r : mine) {
            if (r.failure().isEmpty()) {
                Reports.write(r, out.resolve(r.name()));
            }
        }
        ClassResults.of(shard, all.size(), positions, mine).publish(out);
    }
}
