package votes.system.fault;

import java.time.Duration;

/** {@code kill -9} of one component, started again (and awaited ready) after {@code hold}. */
record Kill9(String component, Duration hold, boolean mayBeUnavailable) implements Fault {

    Kill9(String component, Duration hold) {
        this(component, hold, true);
    }

    @Override
    public String name() {
        return "kill -9 " + component + (hold.toSeconds() >= 10 ? " for " + hold.toSeconds() + " s" : "");
    }

    @Override
    public void inject(Scene scene) {
        scene.stack().kill9(component);
    }

    @Override
    public void recover(Scene scene) {
        scene.stack().start(component);
    }
}
