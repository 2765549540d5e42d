package votes.perf.cost;

import java.util.List;

/**
 * When the stack is quiet enough to measure its idle burn: after load, the ledger, relay, projections and realtime
 * work off what was queued and the JVMs finish compiling, so the burn falls window after window. Steady once a
 * window burns no less than {@code ratio} × the one before it (it stopped falling), or no more than
 * {@code quietMicrosPerSecond} in all.
 */
public record SteadyRule(double ratio, double quietMicrosPerSecond) {

    public boolean steady(Window previous, Window last, List<String> components) {
        double before = total(previous, components);
        double now = total(last, components);
        return now <= quietMicrosPerSecond || now >= ratio * before;
    }

    static double total(Window w, List<String> components) {
        double sum = 0;
        for (String c : components) {
            double b = w.burn(c);
            if (!Double.isNaN(b)) {
                sum += b;
            }
        }
        return sum;
    }
}
