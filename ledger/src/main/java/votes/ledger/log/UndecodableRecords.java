package votes.ledger.log;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts the records of a consumed topic that cannot be decoded ({@code ledger_undecodable_events_total}, by topic):
 * they are skipped, so this meter is where they show.
 */
@ApplicationScoped
public class UndecodableRecords {

    private final MeterRegistry registry;

    UndecodableRecords(MeterRegistry registry) {
        this.registry = registry;
    }

    public void skipped(String topic) {
        registry.counter("ledger_undecodable_events_total", "topic", topic).increment();
    }
}
