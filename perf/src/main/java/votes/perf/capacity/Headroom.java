package votes.perf.capacity;

/**
 * The sizing rule: provision each tier so the design peak runs at {@code peakUtilisation} of its cores, in at least
 * {@code minPods} pods (one per zone). With 0.6, the 1.5× test (375k for a 250k peak) runs the same fleet at 0.9,
 * and losing one zone of three leaves the peak at 0.9 of what is left: the test and a zone loss cost the same.
 */
public record Headroom(double peakUtilisation, int minPods) {

    public Headroom {
        if (peakUtilisation <= 0 || peakUtilisation >= 1 || minPods < 1) {
            throw new IllegalArgumentException("utilisation in (0, 1), at least one pod");
        }
    }

    /** Pods of {@code podCores} each so {@code busyCores} fill at most {@code peakUtilisation} of them. */
    public int pods(double busyCores, int podCores) {
        return Math.max(minPods, (int) Math.ceil(busyCores / peakUtilisation / podCores));
    }
}
