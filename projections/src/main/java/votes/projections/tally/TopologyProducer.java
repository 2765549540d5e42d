package votes.projections.tally;

import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import org.apache.kafka.streams.Topology;

/** Hands the tally topology to Quarkus, which runs it with the {@code kafka-streams.*} settings. */
@ApplicationScoped
public class TopologyProducer {

    @ConfigMapping(prefix = "projections")
    public interface ProjectionsConfig {

        /** How long applied delta ids are remembered (see AppliedDeltas for the bound it gives). */
        Duration dedupRetention();

        /** A tally change after this long without rows is committed at once, not at the next poll (QuietSpell). */
        Duration commitAfterQuiet();

        /** How long the start waits for the input topics before comparing their partition counts (CoPartitionCheck). */
        Duration topicsWait();

        /** How many dead stream threads are replaced within a window before the client shuts down. */
        ThreadReplacements threadReplacements();

        interface ThreadReplacements {

            int max();

            Duration window();
        }
    }

    @Produces
    public Topology topology(ProjectionsConfig config) {
        return TallyTopology.build(config.dedupRetention(), config.commitAfterQuiet());
    }
}
