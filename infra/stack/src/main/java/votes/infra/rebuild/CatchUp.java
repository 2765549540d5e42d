package votes.infra.rebuild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import votes.infra.kafka.ConsumerGroups;
import votes.infra.stack.StackException;

/**
 * Waits until consumer groups have committed at least given end offsets, printing progress with rates. The ledger
 * commits a batch's offsets after its transaction, so a committed offset means every record below it is in the
 * database (the audit's LogReader.awaitGroup relies on the same).
 */
final class CatchUp {

    /** How often committed offsets are asked for: cheap admin requests. */
    static final Duration LOOK_EVERY = Duration.ofSeconds(1);
    /** How often a progress line is printed. The ledger commits offsets every ~5 s (throttled strategy). */
    static final Duration PRINT_EVERY = Duration.ofSeconds(5);

    /** A group that must reach {@code ends} on {@code topic}. */
    record Target(String group, String topic, Map<Integer, Long> ends) {
        long total() {
            return ends.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Records below the ends the group has committed past. */
        long done(Map<Integer, Long> committed) {
            long done = 0;
            for (Map.Entry<Integer, Long> end : ends.entrySet()) {
                done += Math.min(end.getValue(), committed.getOrDefault(end.getKey(), 0L));
            }
            return done;
        }
    }

    private CatchUp() {
    }

    /**
     * @param stall  how long no target may move before giving up
     * @param alive  whether the consumer still runs (a dead one will never catch up)
     * @return how long it took
     * @throws StackException when the targets stop moving for {@code stall}, or the consumer died
     */
    static Duration await(ConsumerGroups kafka, List<Target> targets, Duration stall, BooleanSupplier alive,
                          Consumer<String> progress) throws InterruptedException {
        long start = System.nanoTime();
        long lastMove = start;
        long lastPrint = start;
        long printedDone = 0;
        long previousDone = -1;
        while (true) {
            List<Long> done = new ArrayList<>();
            Map<String, Map<Integer, Long>> behind = new TreeMap<>();
            for (Target target : targets) {
                Map<Integer, Long> committed = kafka.committed(target.group(), target.topic());
                done.add(target.done(committed));
                Map<Integer, Long> late = new TreeMap<>();
                target.ends().forEach((partition, end) -> {
                    long at = committed.getOrDefault(partition, 0L);
                    if (at < end) {
                        late.put(partition, at);
                    }
                });
                if (!late.isEmpty()) {
                    behind.put(target.topic() + " (group " + target.group() + ")", late);
                }
            }
            long now = System.nanoTime();
            long sum = done.stream().mapToLong(Long::longValue).sum();
            if (sum != previousDone) {
                previousDone = sum;
                lastMove = now;
            }
            if (behind.isEmpty()) {
                progress.accept(line(targets, done, rate(done.get(0) - printedDone, now - lastPrint)));
                return Duration.ofNanos(now - start);
            }
            if (now - lastPrint >= PRINT_EVERY.toNanos()) {
                progress.accept(line(targets, done, rate(done.get(0) - printedDone, now - lastPrint)));
                printedDone = done.get(0);
                lastPrint = now;
            }
            if (!alive.getAsBoolean()) {
                throw new StackException("the rebuilding ledger exited before it caught up; committed so far " + behind);
            }
            if (now - lastMove > stall.toNanos()) {
                throw new StackException("no progress for " + stall.toSeconds() + " s (--timeout): committed " + behind
                        + " below the end offsets");
            }
            Thread.sleep(LOOK_EVERY.toMillis());
        }
    }

    /** Records per second over an interval. */
    static double rate(long records, long nanos) {
        return nanos <= 0 ? 0 : records * 1e9 / nanos;
    }

    /** "votes.submitted 12,345 / 20,000 (61.7 %), 2,469 records/s; poll-events 3 / 3 (100.0 %)" */
    static String line(List<Target> targets, List<Long> done, double firstRate) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            long total = target.total();
            String part = String.format(Locale.ROOT, "%s %,d / %,d (%.1f %%)", target.topic(), done.get(i), total,
                    total == 0 ? 100.0 : 100.0 * done.get(i) / total);
            if (i == 0) {
                part += String.format(Locale.ROOT, ", %,.0f records/s", firstRate);
            }
            parts.add(part);
        }
        return String.join("; ", parts);
    }
}
