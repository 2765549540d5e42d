package votes.kit.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class VerdictCacheTest {

    private static final TopicVerdict WEAK = TopicVerdict.of(List.of("votes.submitted: retention.ms=604800000, must be -1"));
    private static final TopicVerdict HOLDS = TopicVerdict.of(List.of());

    private final AtomicLong now = new AtomicLong();
    private final Deque<TopicVerdict> answers = new ArrayDeque<>();
    private final List<TopicVerdict> checks = new ArrayList<>();
    private final List<TopicVerdict> changes = new ArrayList<>();
    private final VerdictCache cache = new VerdictCache(() -> {
        TopicVerdict answer = answers.isEmpty() ? checks.get(checks.size() - 1) : answers.poll();
        checks.add(answer);
        return answer;
    }, Duration.ofSeconds(30), now::get, changes::add);

    @Test
    void probesWithinTheIntervalDoNotAskKafkaAgain() {
        answers.add(WEAK);
        assertThat(cache.get()).isEqualTo(WEAK);
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(cache.get()).isEqualTo(WEAK);
        assertThat(checks).hasSize(1);
    }

    @Test
    void anOlderVerdictIsAskedAgainAndAFixedTopicMakesItUp() {
        answers.addAll(List.of(WEAK, HOLDS));
        assertThat(cache.get().up()).isFalse();
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(cache.get().up()).isTrue();
        assertThat(checks).hasSize(2);
    }

    @Test
    void aWeaknessIsReportedOnceNotOnEveryCheck() {
        answers.addAll(List.of(WEAK, WEAK, WEAK, HOLDS, HOLDS, WEAK));
        for (int i = 0; i < 6; i++) {
            cache.get();
            now.addAndGet(Duration.ofMinutes(1).toNanos());
        }
        assertThat(checks).hasSize(6);
        assertThat(changes).containsExactly(WEAK, HOLDS, WEAK);
    }
}
