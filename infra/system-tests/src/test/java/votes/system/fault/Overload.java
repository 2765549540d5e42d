package votes.system.fault;

import java.time.Duration;

/**
 * Overload: the run's load itself is the fault (a rate far past what the stack sustains, for {@code hold}); nothing
 * in the stack is touched. Every request must be answered (202, 429 or 503: shed, not queued), and every 202 kept.
 */
record Overload(Duration hold) implements Fault {

    @Override
    public String name() {
        return "overload";
    }

    @Override
    public boolean answersEveryRequest() {
        return true;
    }

    @Override
    public void inject(Scene scene) {
    }

    @Override
    public void recover(Scene scene) {
    }
}
