package workbook.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import workbook.testsupport.Exercise;

@Exercise("4.3")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ResultFromChildTest {

    @Test
    void theChildsComputedCopyComesBack() throws Exception {
        PrimeCountJob job = new PrimeCountJob(100);

        PrimeCountJob computed = ResultFromChild.computeInChild(job);

        assertThat(computed.primes())
                .as("primes below 100 in the object the child sent back; empty means the child's result never reached"
                        + " the parent")
                .hasValue(25);
        assertThat(computed.computedBy().orElse(-1))
                .as("the pid that computed the job: a child's, not this test JVM's")
                .isPositive()
                .isNotEqualTo(ProcessHandle.current().pid());
    }

    @Test
    void theObjectHandedToTheChildIsACopy() throws Exception {
        PrimeCountJob job = new PrimeCountJob(1000);

        PrimeCountJob computed = ResultFromChild.computeInChild(job);

        assertThat(computed)
                .as("computeInChild returns the child's computed copy, a different object from the job passed in")
                .isNotSameAs(job);
        assertThat(job.primes())
                .as("the parent's own job: the child computed a copy, so this one stays uncomputed")
                .isEmpty();
        assertThat(computed.primes())
                .as("the returned copy holds what the child computed: 168 primes below 1000")
                .hasValue(168);
    }

    @Test
    void theJobIsComputedInAChildProcess() {
        ProcessRules.assertStartsAProcess(ResultFromChild.class);
    }
}
