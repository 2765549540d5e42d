package votes.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TierTest {

    @Test
    void stepsThatWaitForEachOtherBothEndBecauseTheyRunAtOnce() {
        CountDownLatch bothStarted = new CountDownLatch(2);
        Supplier<String> meetTheOther = () -> {
            bothStarted.countDown();
            try {
                return bothStarted.await(30, TimeUnit.SECONDS) ? "met" : "alone";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        };
        Map<String, Supplier<String>> steps = new LinkedHashMap<>();
        steps.put("kafka", meetTheOther);
        steps.put("postgres", meetTheOther);

        assertThat(Tier.together("start-", steps)).containsExactly(Map.entry("kafka", "met"),
                Map.entry("postgres", "met"));
    }

    @Test
    void aFailedStepIsRethrownOnlyOnceEveryOtherStepHasEnded() {
        CountDownLatch failed = new CountDownLatch(1);
        AtomicBoolean slowStepEnded = new AtomicBoolean();
        Map<String, Supplier<String>> steps = new LinkedHashMap<>();
        steps.put("ledger", () -> {
            failed.countDown();
            throw new StackException("ledger not ready");
        });
        steps.put("projections", () -> {
            try {
                failed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            slowStepEnded.set(true);
            return "up";
        });

        assertThatThrownBy(() -> Tier.together("start-", steps)).isInstanceOf(StackException.class)
                .hasMessage("ledger not ready");
        assertThat(slowStepEnded).isTrue();
    }
}
