package votes.kit.problem;

import java.time.Duration;

/**
 * Carries a {@link Problem} out of code that cannot return a response (a validator deep in a call). Mapped
 * to exactly one problem+json response by {@link ProblemMappers}. No stack trace: it is an answer, not a bug.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final Duration retryAfter;

    public ProblemException(Problem problem, Duration retryAfter) {
        super(problem.type().slug() + (problem.detail() == null ? "" : ": " + problem.detail()), null, false, false);
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    public ProblemException(ProblemType type, String detail) {
        this(Problem.of(type, detail), null);
    }

    public Problem problem() {
        return problem;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
