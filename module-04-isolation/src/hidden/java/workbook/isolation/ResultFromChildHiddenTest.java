package workbook.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import workbook.testsupport.Exercise;

@Exercise("4.3")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ResultFromChildHiddenTest {

    @Test
    void aRandomLimit() throws Exception {
        int limit = ThreadLocalRandom.current().nextInt(10_000, 2_000_000);
        PrimeCountJob expected = new PrimeCountJob(limit);
        expected.compute();
        PrimeCountJob job = new PrimeCountJob(limit);

        PrimeCountJob computed = ResultFromChild.computeInChild(job);

        assertThat(computed.limit()).as("the limit of the job that came back").isEqualTo(limit);
        assertThat(computed.primes()).as("primes below %d, computed by the child", limit).isEqualTo(expected.primes());
        assertThat(computed.computedBy().orElse(-1))
                .as("the pid that computed the job").isPositive().isNotEqualTo(ProcessHandle.current().pid());
        assertThat(job.primes()).as("the parent's own job stays uncomputed").isEmpty();
        assertThat(job.computedBy()).as("the parent's own job stays uncomputed").isEmpty();
    }

    @Test
    void aLimitWithNoPrimesBelowIt() throws Exception {
        PrimeCountJob computed = ResultFromChild.computeInChild(new PrimeCountJob(2));

        assertThat(computed.primes()).as("primes below 2").hasValue(0);
        assertThat(computed.computedBy().orElse(-1)).isNotEqualTo(ProcessHandle.current().pid()).isPositive();
    }

    @Test
    void aNullJobIsRejected() {
        assertThatThrownBy(() -> ResultFromChild.computeInChild(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theJobIsComputedInAChildProcess() {
        ProcessRules.assertStartsAProcess(ResultFromChild.class);
    }
}
