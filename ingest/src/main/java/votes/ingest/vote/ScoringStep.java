package votes.ingest.vote;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import votes.ingest.abuse.ClientKeys;
import votes.ingest.abuse.RateLimits;
import votes.ingest.bot.BotDefense;
import votes.ingest.bot.FlagPublisher;
import votes.ingest.bot.History;
import votes.ingest.bot.HistoryKeys;
import votes.ingest.bot.Screening;
import votes.ingest.bot.VoteSignals;
import votes.ingest.bot.AcceptedList;
import votes.ingest.fastpath.FastPathVerdict;

/**
 * The bot-score step of the vote path: what the fast path should keep for the score, and, once the rate limits
 * admitted the vote, the screening (allow, challenge, refuse, flag) as the vote path acts on it.
 */
@ApplicationScoped
public class ScoringStep {

    private final BotDefense bots;
    private final FlagPublisher flags;

    public ScoringStep(BotDefense bots, FlagPublisher flags) {
        this.bots = bots;
        this.flags = flags;
    }

    /** The bot history's Redis keys for this vote, or null when the adaptive defence is off. */
    public HistoryKeys historyKeys(VoteCommand vote, ClientKeys client) {
        return bots.historyKeys(client, vote.tokenIssuedAt(), vote.pollId(), vote.optionId(), vote.address());
    }

    /** The limits whose admitted votes are flagged when they go over (empty: over-limit flags off). */
    public List<RateLimits.Counter> overLimitTracked(List<RateLimits.Counter> counters) {
        return bots.overLimitTracked(counters);
    }

    /** The accepted-vote lists an acked vote joins or, flagged at its token batch, hands over. */
    public List<AcceptedList> acceptedLists(List<RateLimits.Counter> counters, HistoryKeys history,
                                            Screening.PendingFlag flag) {
        return bots.acceptedLists(counters, history, flag);
    }

    /** Flags the votes the refusing limit's subject got in under it (the fast path handed them over once). */
    void flagOverLimit(FastPathVerdict.Limited limited, List<RateLimits.Counter> counters, Instant now) {
        if (limited.overLimit().isEmpty()) {
            return;
        }
        RateLimits.Counter refusing = counters.stream()
                .filter(counter -> counter.scope().equals(limited.exceeded().scope())).findFirst().orElseThrow();
        Screening.PendingFlag flag = bots.overLimit(refusing);
        limited.overLimit().forEach(vote -> flags.publish(flag, vote.voteId(), vote.pollId(), now));
    }

    /**
     * @param verdict the fast path's (new vote, or skipped: then only the request itself is scored, Redis's
     *                counts and history being unknown)
     */
    public Screening screen(VoteCommand vote, FastPathVerdict verdict, List<RateLimits.Counter> counters, Instant now) {
        if (!bots.on()) {
            return Screening.CLEAN;
        }
        long address = 0;
        long prefix = 0;
        long device = 0;
        History history = History.NONE;
        if (verdict instanceof FastPathVerdict.Checked checked) {
            address = checked.countOf(counters, RateLimits.ADDRESS);
            prefix = checked.countOf(counters, RateLimits.PREFIX);
            device = checked.countOf(counters, RateLimits.DEVICE);
            history = checked.history();
        }
        return bots.screen(new VoteSignals(vote.voterId(), vote.pollId(), vote.address(), vote.deviceId(),
                vote.userAgent(), vote.acceptLanguage(), vote.clientHints(), vote.tokenIssuedAt(), vote.proofNonce(),
                vote.proof(), now, address, prefix, device, history));
    }

    /** The refusal a screening means, if any (a refused vote counts in votes_rate_limited_total{key=bot-score}). */
    static Optional<VoteOutcome.Refusal> refusal(Screening screening) {
        if (screening instanceof Screening.Refused refused) {
            return Optional.of(new VoteOutcome.RateLimited(VoteOutcome.RateLimited.BOT_SCORE, refused.retryAfter(),
                    refused.reasons()));
        }
        if (screening instanceof Screening.Challenged challenged) {
            return Optional.of(new VoteOutcome.ChallengeRequired(challenged.challenge(), challenged.proofWasWrong()));
        }
        return Optional.empty();
    }
}
