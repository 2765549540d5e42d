package votes.ingest.vote;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import votes.events.id.EventIds;
import votes.events.poll.Poll;
import votes.events.vote.ClientFacts;
import votes.events.vote.VoteSubmitted;
import votes.ingest.abuse.AbuseDefense;
import votes.ingest.abuse.Challenge;
import votes.ingest.abuse.RateLimits;
import votes.ingest.fastpath.FastPath;
import votes.ingest.fastpath.FastPathVerdict;
import votes.ingest.log.Append;
import votes.ingest.log.VoteLog;
import votes.ingest.poll.PollDirectory;
import votes.ingest.receipt.Receipt;
import votes.ingest.receipt.ReceiptStore;

/**
 * The vote submission use case, non-blocking end to end: proof of work (if always asked) → Redis fast path
 * (idempotent replay, rate limits, duplicate) → poll window and option → append and wait for the broker's
 * ack → remember the receipt in Redis. Every refusal is a {@link VoteOutcome.Refusal} value.
 */
@ApplicationScoped
public class SubmitVote {

    private final AbuseDefense abuse;
    private final FastPath fastPath;
    private final PollDirectory polls;
    private final VoteLog log;
    private final ReceiptStore receipts;
    private final Counter submitted;
    private final Counter duplicates;
    private final Clock clock = Clock.systemUTC();

    public SubmitVote(AbuseDefense abuse, FastPath fastPath, PollDirectory polls, VoteLog log, ReceiptStore receipts,
                      MeterRegistry metrics) {
        this.abuse = abuse;
        this.fastPath = fastPath;
        this.polls = polls;
        this.log = log;
        this.receipts = receipts;
        this.submitted = Counter.builder("votes.submitted").description("votes appended to votes.submitted")
                .register(metrics);
        this.duplicates = Counter.builder("votes.duplicate").description("votes refused as duplicates by the fast path")
                .register(metrics);
    }

    public Uni<VoteOutcome> submit(VoteCommand vote) {
        Instant now = clock.instant();
        Optional<Challenge> upFront = abuse.demandUpFront(vote.proof(), vote.voterId(), vote.pollId(), now);
        if (upFront.isPresent()) {
            return Uni.createFrom().item(new VoteOutcome.ChallengeRequired(upFront.get(), vote.proof() != null));
        }
        String addressHash = ClientFacts.hash(vote.address());
        List<RateLimits.Counter> counters = abuse.counters(vote.voterId(), vote.deviceId(), addressHash, now);
        return fastPath.check(vote.voterId(), vote.pollId(), vote.idempotencyKey(), counters, abuse.counterTtlSeconds())
                .flatMap(verdict -> afterFastPath(vote, verdict, counters, addressHash, now));
    }

    private Uni<VoteOutcome> afterFastPath(VoteCommand vote, FastPathVerdict verdict, List<RateLimits.Counter> counters,
                                           String addressHash, Instant now) {
        if (verdict instanceof FastPathVerdict.Replay replay) {
            return Uni.createFrom().item(new VoteOutcome.Accepted(replay.receipt(), true));
        }
        if (verdict instanceof FastPathVerdict.Checked checked) {
            Optional<VoteOutcome.Refusal> refusal = refusal(vote, checked, counters, now);
            if (refusal.isPresent()) {
                return Uni.createFrom().item(refusal.get());
            }
        }
        return polls.find(vote.pollId()).flatMap(poll -> {
            Optional<VoteOutcome.Refusal> refusal = checkPoll(vote, poll, now);
            return refusal.isPresent()
                    ? Uni.createFrom().item(refusal.get())
                    : append(vote, addressHash, now);
        });
    }

    private Optional<VoteOutcome.Refusal> refusal(VoteCommand vote, FastPathVerdict.Checked checked,
                                                  List<RateLimits.Counter> counters, Instant now) {
        Optional<RateLimits.Exceeded> exceeded = abuse.judge(counters, checked.counts(), now);
        if (exceeded.isPresent()) {
            return Optional.of(new VoteOutcome.RateLimited(exceeded.get().scope(), exceeded.get().retryAfter()));
        }
        if (checked.existingReceiptId() != null) {
            duplicates.increment();
            return Optional.of(new VoteOutcome.Duplicate(checked.existingReceiptId()));
        }
        long addressCount = addressCount(counters, checked.counts());
        return abuse.demandForAddress(addressCount, vote.proof(), vote.voterId(), vote.pollId(), now)
                .map(challenge -> new VoteOutcome.ChallengeRequired(challenge, vote.proof() != null));
    }

    static Optional<VoteOutcome.Refusal> checkPoll(VoteCommand vote, Optional<Poll> found, Instant now) {
        if (found.isEmpty()) {
            return Optional.of(new VoteOutcome.PollNotFound(vote.pollId()));
        }
        Poll poll = found.get();
        if (!poll.acceptsAt(now)) {
            return Optional.of(new VoteOutcome.PollNotOpen(vote.pollId(), poll.status(now).slug()));
        }
        if (!poll.hasOption(vote.optionId())) {
            return Optional.of(new VoteOutcome.UnknownOption(vote.pollId(), vote.optionId()));
        }
        return Optional.empty();
    }

    private Uni<VoteOutcome> append(VoteCommand vote, String addressHash, Instant now) {
        VoteSubmitted event = VoteSubmitted.of(EventIds.next(), vote.pollId(), vote.voterId(), vote.optionId(), now,
                vote.idempotencyKey(), new ClientFacts(vote.deviceId(), addressHash, ClientFacts.hash(vote.userAgent())));
        return log.append(event).flatMap(append -> {
            if (append instanceof Append.Unavailable unavailable) {
                return Uni.createFrom().item(new VoteOutcome.Unavailable(unavailable.reason(), unavailable.retryAfter()));
            }
            submitted.increment();
            Receipt receipt = new Receipt(event.eventId(), event.pollId(), event.optionId(), event.submittedAt());
            return receipts.remember(receipt, vote.voterId(), vote.idempotencyKey())
                    .replaceWith(new VoteOutcome.Accepted(receipt, false));
        });
    }

    private static long addressCount(List<RateLimits.Counter> counters, List<Long> counts) {
        for (int i = 0; i < counters.size() && i < counts.size(); i++) {
            if ("address".equals(counters.get(i).scope())) {
                return counts.get(i);
            }
        }
        return 0;
    }
}
