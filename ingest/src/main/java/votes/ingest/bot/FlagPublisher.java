package votes.ingest.bot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import votes.events.flag.VoteFlagged;
import votes.events.id.EventIds;

/**
 * Publishes a flagged vote's {@link VoteFlagged} to votes.flags once the vote itself is on the log (a flag must never
 * name a vote the ledger will not have), with one structured log line per flag. A flag that cannot be published
 * never fails its vote: the vote is accepted either way; the miss is logged and counted
 * ({@code votes_flags_failed_total}), the emitter's buffer bounds what a broker outage costs in memory.
 */
// At start, not at the first flag: its counters are on /q/metrics at zero before anything happened.
@Startup
@ApplicationScoped
public class FlagPublisher {

    public static final String CHANNEL = "votes-flags";
    private static final Logger LOG = Logger.getLogger(FlagPublisher.class);

    private final MutinyEmitter<VoteFlagged> emitter;
    private final MeterRegistry metrics;
    private final Counter failed;

    public FlagPublisher(@Channel(CHANNEL) @OnOverflow(OnOverflow.Strategy.BUFFER) MutinyEmitter<VoteFlagged> emitter,
                         MeterRegistry metrics) {
        this.emitter = emitter;
        this.metrics = metrics;
        this.failed = Counter.builder("votes.flags.failed")
                .description("flags of accepted votes that could not be published to votes.flags").register(metrics);
        for (Feature feature : Feature.values()) {
            flagged(feature.slug());
        }
    }

    /** Fire and forget: the vote's answer does not wait for the flag. */
    public void publish(Screening.PendingFlag flag, UUID voteId, String pollId, Instant now) {
        VoteFlagged flagged = VoteFlagged.of(EventIds.next(), voteId, pollId, flag.subject(), flag.subjectKey(),
                flag.score(), flag.reasons(), now);
        flagged(flag.reasons().isEmpty() ? "none" : flag.reasons().get(0)).increment();
        log(flagged);
        try {
            emitter.sendMessage(Message.of(flagged).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                    .withKey(flagged.key()).build()))
                    .subscribe().with(sent -> { }, failure -> missed(flagged, failure));
        } catch (RuntimeException e) { // buffer full or channel down: refused synchronously
            missed(flagged, e);
        }
    }

    private Counter flagged(String reason) {
        return Counter.builder("bot.detection.flagged").tag("reason", reason)
                .description("accepted votes flagged for review, by their strongest reason").register(metrics);
    }

    private void missed(VoteFlagged flagged, Throwable failure) {
        failed.increment();
        LOG.warnf("flag of vote %s not published to votes.flags (the vote stands): %s", flagged.voteId(),
                failure.toString());
    }

    /** One line per flag, its facts also in the MDC so a JSON log handler emits them as fields. */
    private static void log(VoteFlagged flagged) {
        MDC.put("pollId", flagged.pollId());
        MDC.put("voteId", flagged.voteId().toString());
        MDC.put("flagSubject", flagged.subject().slug());
        MDC.put("flagSubjectKey", flagged.subjectKey());
        MDC.put("botScore", String.format("%.3f", flagged.score()));
        MDC.put("botReasons", String.join(",", flagged.reasons()));
        try {
            LOG.infof("vote flagged poll=%s voteId=%s subject=%s subjectKey=%s score=%.3f reasons=%s",
                    flagged.pollId(), flagged.voteId(), flagged.subject().slug(), flagged.subjectKey(),
                    flagged.score(), String.join(",", flagged.reasons()));
        } finally {
            for (String key : new String[] {"pollId", "voteId", "flagSubject", "flagSubjectKey", "botScore", "botReasons"}) {
                MDC.remove(key);
            }
        }
    }
}
