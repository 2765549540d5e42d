package votes.infra.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemForBareErrorsTest {

    @Test
    void onlyApiErrorsWithoutAProblemBodyAreRewritten() {
        assertThat(ProblemForBareErrors.needsProblem("/api/v1/polls/x", 400, null)).isTrue();
        assertThat(ProblemForBareErrors.needsProblem("/api/v1/polls", 413, "text/plain")).isTrue();
        assertThat(ProblemForBareErrors.needsProblem("/api?x=1", 404, "text/html")).isTrue();
        assertThat(ProblemForBareErrors.needsProblem("/api/v1/polls/x", 404, "application/problem+json")).isFalse();
        assertThat(ProblemForBareErrors.needsProblem("/api/v1/polls/x", 200, null)).isFalse();
        assertThat(ProblemForBareErrors.needsProblem("/results.html", 404, "text/html")).isFalse();
        assertThat(ProblemForBareErrors.needsProblem("/apiary", 400, null)).isFalse();
    }

    @Test
    void aStatusWithoutAProblemTypeIsLeftAsItIs() {
        assertThat(ProblemForBareErrors.needsProblem("/api/v1/polls/x", 418, null)).isFalse();
    }
}
