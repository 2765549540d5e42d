package votes.perf.load;

/**
 * Sees every answer of a run, on the worker's event loop (keep it cheap and thread-safe): for a test that must know
 * which votes were accepted (the fault suite keeps the receipt ids of the 202s), not only how many.
 */
@FunctionalInterface
public interface AnswerListener {

    AnswerListener NONE = (request, status, body) -> {
    };

    /**
     * @param request the run's request index (which (poll, voter) it used: {@link Targets})
     * @param body the answer's body as text
     */
    void answered(long request, int status, String body);
}
