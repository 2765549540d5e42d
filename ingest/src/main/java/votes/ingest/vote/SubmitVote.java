package votes.ingest.vote;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import votes.events.id.EventIds;
import votes.events.poll.Poll;
import votes.events.receipt.AcceptedReceipt;
import votes.events.vote.ClientFacts;
import votes.events.vote.VoteSubmitted;
import votes.ingest.abuse.AbuseDefense;
import votes.ingest.abuse.Challenge;
import votes.ingest.abuse.ClientKeys;
import votes.ingest.abuse.RateLimits;
import votes.ingest.bot.FlagPublisher;
import votes.ingest.bot.Screening;
import votes.ingest.bot.HandedOver;
import votes.ingest.fastpath.FastPath;
import votes.ingest.fastpath.FastPathConfig;
import votes.ingest.fastpath.FastPathVerdict;
import votes.ingest.log.Append;
import votes.ingest.log.VoteLog;
import votes.ingest.log.VoteLogConfig;
import votes.ingest.overload.Deadline;
import votes.ingest.overload.ShedReason;
import votes.ingest.overload.Shedding;
import votes.ingest.poll.PollDirectory;
import votes.ingest.receipt.ReceiptStore;
import votes.ingest.warmup.WarmUpVotes;
import votes.ingest.fastpath.Reservation;

/**
 * The vote submission use case, non-blocking end to end: proof of work (if always asked) → Redis fast path
 * (idempotent replay, rate limits, duplicate, the bot score's history, and the reservation of the voter's slot for
 * this attempt's receipt) → the bot score (allow, challenge, refuse; {@link ScoringStep}) → poll window and option
 * → append and wait for the broker's ack → the slot becomes the accepted vote, and a flagged vote's flag is
 * published. A refusal after the reservation releases it. Every refusal is a {@link VoteOutcome.Refusal} value.
 * Past the request's deadline no new step starts (the vote is shed), and the wait for the ack ends at it.
 */
// At start, not at the first vote: its counters are on /q/metrics at zero before anything happened (alerts and
// boards read them: RulesAndDashboardsReadWhatTheStackExportsIT).
@Startup
@ApplicationScoped
public class SubmitVote {

    private final AbuseDefense abuse;
    private final ScoringStep scoring;
    private final FlagPublisher flags;
    private final FastPath fastPath;
    private final PollDirectory polls;
    private final VoteLog log;
    private final VoteLogConfig logConfig;
    private final ReceiptStore receipts;
    private final Shedding shedding;
    private final Counter submitted;
    private final Counter duplicates;
    private final Counter lateAcked;
    private final Counter lateFailed;
    private final RateLimitedCounts rateLimited;
    private final Clock clock = Clock.systemUTC();

    public SubmitVote(AbuseDefense abuse, ScoringStep scoring, FlagPublisher flags, FastPath fastPath,
                      PollDirectory polls, VoteLog log, VoteLogConfig logConfig, ReceiptStore receipts,
                      Shedding shedding, MeterRegistry metrics) {
        this.abuse = abuse;
        this.scoring = scoring;
        this.flags = flags;
        this.fastPath = fastPath;
        this.polls = polls;
        this.log = log;
        this.logConfig = logConfig;
        this.receipts = receipts;
        this.shedding = shedding;
        this.submitted = Counter.builder("votes.submitted").description("votes appended to votes.submitted")
                .register(metrics);
        this.duplicates = Counter.builder("votes.duplicate").description("votes refused as duplicates by the fast path")
                .register(metrics);
        String unacknowledged = "votes answered 503 before the log settled their append, by how it settled later";
        this.lateAcked = Counter.builder("votes.append.late").tag("outcome", "acked").description(unacknowledged)
                .register(metrics);
        this.lateFailed = Counter.builder("votes.append.late").tag("outcome", "failed").description(unacknowledged)
                .register(metrics);
        this.rateLimited = new RateLimitedCounts(metrics);
    }

    /** A reservation that expired while its append could still land would let a second attempt through. */
    static void checkReservationOutlivesTheAckWait(@Observes StartupEvent start, FastPathConfig redis, VoteLogConfig log) {
        if (redis.reservationTtl().compareTo(log.sendTimeout()) <= 0) {
            throw new IllegalStateException("vote.redis.reservation-ttl (" + redis.reservationTtl()
                    + ") must be longer than vote.log.send-timeout (" + log.sendTimeout() + ")");
        }
    }

    /** @param place the vote's place among its loop's votes not yet handed to the log, left when it is */
    public Uni<VoteOutcome> submit(VoteCommand vote, Deadline deadline, BeforeTheLog place) {
        if (deadline.passed()) {
            return shed(ShedReason.DEADLINE);
        }
        Instant now = clock.instant();
        Optional<Challenge> upFront = abuse.demandUpFront(vote.proofNonce(), vote.proof(), vote.voterId(),
                vote.pollId(), now);
        if (upFront.isPresent()) {
            return Uni.createFrom().item(new VoteOutcome.ChallengeRequired(upFront.get(), vote.proof() != null));
        }
        return pastTheProofOfWork(vote, now, deadline, place);
    }

    /**
     * What follows a passed proof of work, for the warm-up's votes when every vote must bring one
     * ({@code vote.abuse.challenge=always}): else they warm the challenge alone, and solving 2,000 at the shipped 16 bits
     * costs ~a minute of CPU. Only for the warm-up's poll, which no ledger poll can be (theirs are UUIDs).
     */
    public Uni<VoteOutcome> submitWithoutProof(VoteCommand vote, Deadline deadline, BeforeTheLog place) {
        if (!WarmUpVotes.POLL_ID.equals(vote.pollId())) {
            throw new IllegalArgumentException("only the warm-up's votes go without proof of work");
        }
        return pastTheProofOfWork(vote, clock.instant(), deadline, place);
    }

    private Uni<VoteOutcome> pastTheProofOfWork(VoteCommand vote, Instant now, Deadline deadline, BeforeTheLog place) {
        // The receipt id (= the event id) exists before Redis is asked: the reservation names it.
        Reservation reservation = receipts.reservation(AcceptedReceipt.of(EventIds.next(), vote.pollId(), vote.optionId(), now),
                vote.voterId());
        ClientKeys client = abuse.clientKeys(vote.address(), vote.userAgent());
        VoteKeys keys = new VoteKeys(client, abuse.counters(vote.voterId(), vote.deviceId(), vote.address(), client),
                scoring.historyKeys(vote, client));
        boolean overLimitFlags = !scoring.overLimitTracked(keys.counters()).isEmpty();
        return fastPath.check(reservation, vote.idempotencyKey(), keys.counters(), overLimitFlags, keys.history(),
                        vote.revocationKeys(), now.toEpochMilli())
                .flatMap(verdict -> afterFastPath(vote, reservation, verdict, keys, deadline, place));
    }

    private Uni<VoteOutcome> afterFastPath(VoteCommand vote, Reservation reservation, FastPathVerdict verdict,
                                           VoteKeys keys, Deadline deadline, BeforeTheLog place) {
        List<RateLimits.Counter> counters = keys.counters();
        if (verdict instanceof FastPathVerdict.Revoked) {
            return Uni.createFrom().item(new VoteOutcome.TokenRevoked());
        }
        if (verdict instanceof FastPathVerdict.Replay replay) {
            return Uni.createFrom().item(new VoteOutcome.Accepted(replay.receipt(), true));
        }
        Instant now = reservation.receipt().acceptedAt();
        if (verdict instanceof FastPathVerdict.Limited limited) {
            scoring.flagOverLimit(limited, counters, now);
            return Uni.createFrom().item(rateLimited.of(limited.exceeded()));
        }
        if (verdict instanceof FastPathVerdict.Skipped) {
            // Redis could not judge (the script may still have reserved the slot: release frees only our own claim).
            Optional<RateLimits.Exceeded> exceeded = abuse.admitLocally(counters, now);
            if (exceeded.isPresent()) {
                return releaseThen(reservation, rateLimited.of(exceeded.get()));
            }
        }
        if (verdict instanceof FastPathVerdict.Checked checked && checked.existingReceiptId() != null) {
            // A slot that names another receipt (an accepted vote, an attempt in flight) is not ours to free.
            duplicates.increment();
            return Uni.createFrom().item(new VoteOutcome.Duplicate(checked.existingReceiptId()));
        }
        Screening screening = scoring.screen(vote, verdict, counters, now);
        Optional<VoteOutcome.Refusal> refused = ScoringStep.refusal(screening);
        if (refused.isPresent()) {
            return releaseThen(reservation, rateLimited.counted(refused.get()));
        }
        Screening.PendingFlag flag = ((Screening.Pass) screening).flag();
        return polls.find(vote.pollId()).flatMap(poll -> {
            Optional<VoteOutcome.Refusal> refusal = checkPoll(vote, poll, now);
            if (refusal.isPresent()) {
                return releaseThen(reservation, refusal.get());
            }
            if (deadline.passed()) {
                shedding.count(ShedReason.DEADLINE);
                return releaseThen(reservation, overloaded(ShedReason.DEADLINE));
            }
            place.leave();
            return append(vote, reservation, keys, flag, deadline);
        });
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

    /** @param flag the vote's flag, published once the log acked it (null: not flagged) */
    private Uni<VoteOutcome> append(VoteCommand vote, Reservation reservation, VoteKeys keys,
                                    Screening.PendingFlag flag, Deadline deadline) {
        AcceptedReceipt receipt = reservation.receipt();
        ClientKeys client = keys.client();
        VoteSubmitted event = VoteSubmitted.of(receipt.receiptId(), vote.pollId(), vote.voterId(), vote.optionId(),
                receipt.acceptedAt(), vote.idempotencyKey(),
                new ClientFacts(vote.deviceId(), client.addressHash(), client.userAgentHash()), vote.voterKeyId());
        return log.append(event, deadline.remaining(logConfig.sendTimeout())).flatMap(append -> {
            if (append instanceof Append.Acked) {
                submitted.increment();
                publishFlag(flag, receipt);
                return remember(reservation, vote.idempotencyKey(), keys, flag)
                        .replaceWith(new VoteOutcome.Accepted(receipt, false));
            }
            if (append instanceof Append.QueueFull) {
                shedding.count(ShedReason.APPEND_QUEUE);
                return releaseThen(reservation, overloaded(ShedReason.APPEND_QUEUE));
            }
            if (append instanceof Append.Refused refused) {
                return releaseThen(reservation, unavailable(refused.reason()));
            }
            Append.Unacknowledged unacknowledged = (Append.Unacknowledged) append;
            CompletableFuture<Boolean> landed = unacknowledged.landed().toCompletableFuture();
            if (landed.isDone() && !landed.join()) { // the producer already gave the record up
                return releaseThen(reservation, unavailable(unacknowledged.reason()));
            }
            // The client hears 503 now; the slot follows the record's real fate once the producer lets go.
            landed.thenAccept(acked -> settleLate(reservation, vote.idempotencyKey(), keys, flag, acked));
            return Uni.createFrom().item(unavailable(unacknowledged.reason()
                    + " in time; it may still be recorded: retry with the same Idempotency-Key to learn its receipt"));
        });
    }

    /**
     * After the client was answered 503: a late ack makes the vote accepted in Redis like any other (a retry with
     * the same Idempotency-Key then gets its 202), a failure frees the slot for a new attempt.
     */
    private void settleLate(Reservation reservation, String idempotencyKey, VoteKeys keys,
                            Screening.PendingFlag flag, boolean landed) {
        if (landed) {
            submitted.increment();
            publishFlag(flag, reservation.receipt());
            lateAcked.increment();
            remember(reservation, idempotencyKey, keys, flag).subscribe().with(done -> { });
        } else {
            lateFailed.increment();
            receipts.release(reservation).subscribe().with(done -> { });
        }
    }

    /**
     * The acked vote becomes the accepted one in Redis and joins its groups' accepted-vote lists; the votes of a group
     * seen for what it is (this one, or a batch's earlier ones when this vote's flag names the batch) come back and
     * are flagged with the group's flag (they are on the log already).
     */
    private Uni<List<HandedOver>> remember(Reservation reservation, String idempotencyKey, VoteKeys keys,
                                           Screening.PendingFlag flag) {
        return receipts.remember(reservation, idempotencyKey,
                        scoring.acceptedLists(keys.counters(), keys.history(), flag),
                        keys.history() == null ? null : keys.history().options())
                .invoke(handed -> handed.forEach(group -> flags.publish(group.list().flag(), group.vote().voteId(),
                        group.vote().pollId(), clock.instant())));
    }

    /** Only for a vote on the log: a flag must never name a vote the ledger will not have. */
    private void publishFlag(Screening.PendingFlag flag, AcceptedReceipt receipt) {
        if (flag != null) {
            flags.publish(flag, receipt.receiptId(), receipt.pollId(), clock.instant());
        }
    }

    private Uni<VoteOutcome> releaseThen(Reservation reservation, VoteOutcome.Refusal refusal) {
        // Awaited, not fire-and-forget: the voter's next attempt must find the slot free.
        return receipts.release(reservation).replaceWith(refusal);
    }

    private Uni<VoteOutcome> shed(ShedReason reason) {
        shedding.count(reason);
        return Uni.createFrom().item(overloaded(reason));
    }

    private VoteOutcome.Overloaded overloaded(ShedReason reason) {
        return new VoteOutcome.Overloaded(reason.detail(), shedding.retryAfter());
    }

    private VoteOutcome.Unavailable unavailable(String reason) {
        return new VoteOutcome.Unavailable(reason, logConfig.retryAfter());
    }
}
