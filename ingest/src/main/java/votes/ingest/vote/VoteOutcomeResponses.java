package votes.ingest.vote;

import jakarta.ws.rs.core.Response;
import votes.kit.problem.Problem;
import votes.kit.problem.ProblemResponses;
import votes.kit.problem.ProblemType;

/** The one place where a vote outcome becomes HTTP: 202 + receipt, or problem+json. */
public final class VoteOutcomeResponses {

    private VoteOutcomeResponses() {
    }

    public static Response toResponse(VoteOutcome outcome) {
        if (outcome instanceof VoteOutcome.Accepted accepted) {
            return Response.accepted(accepted.receipt())
                    .header("Location", accepted.receipt().location())
                    .build();
        }
        return refused((VoteOutcome.Refusal) outcome);
    }

    static Response refused(VoteOutcome.Refusal refusal) {
        if (refusal instanceof VoteOutcome.TokenRevoked) {
            return ProblemResponses.of(ProblemType.TOKEN_REVOKED, "this token's session was logged out: sign in again");
        }
        if (refusal instanceof VoteOutcome.Malformed m) {
            return ProblemResponses.of(ProblemType.MALFORMED_REQUEST, m.detail());
        }
        if (refusal instanceof VoteOutcome.TooLarge t) {
            return ProblemResponses.of(ProblemType.PAYLOAD_TOO_LARGE,
                    "the body has " + t.bytes() + " bytes; at most " + VoteRequestParser.MAX_BODY_BYTES + " are taken");
        }
        if (refusal instanceof VoteOutcome.PollNotFound p) {
            return ProblemResponses.of(ProblemType.POLL_NOT_FOUND, "no poll " + p.pollId());
        }
        if (refusal instanceof VoteOutcome.PollNotOpen p) {
            return ProblemResponses.of(Problem.of(ProblemType.POLL_NOT_OPEN, "poll " + p.pollId() + " is " + p.status())
                    .with("pollStatus", p.status()));
        }
        if (refusal instanceof VoteOutcome.UnknownOption u) {
            return ProblemResponses.of(ProblemType.UNKNOWN_OPTION,
                    "poll " + u.pollId() + " has no option " + u.optionId());
        }
        if (refusal instanceof VoteOutcome.Duplicate d) {
            return ProblemResponses.of(Problem.of(ProblemType.DUPLICATE_VOTE, "this voter already voted in this poll")
                    .with("existingReceiptId", d.existingReceiptId().toString()));
        }
        if (refusal instanceof VoteOutcome.RateLimited r) {
            // "key" names the kind of key that refused (voter, device, address, prefix, bot-score): the client learns
            // what to wait out, never the key itself.
            if (VoteOutcome.RateLimited.BOT_SCORE.equals(r.scope())) {
                return ProblemResponses.of(Problem.of(ProblemType.RATE_LIMITED, "this vote looks automated")
                        .with("key", r.scope()).with("reasons", r.reasons()), r.retryAfter());
            }
            return ProblemResponses.of(Problem.of(ProblemType.RATE_LIMITED, "too many votes from this " + r.scope())
                    .with("key", r.scope()), r.retryAfter());
        }
        if (refusal instanceof VoteOutcome.ChallengeRequired c) {
            String detail = c.proofWasWrong()
                    ? "the X-Vote-Proof header does not solve a current challenge hard enough for this vote"
                    : "solve the challenge and send the answer in " + c.challenge().header() + ", its nonce in "
                            + c.challenge().nonceHeader();
            return ProblemResponses.of(Problem.of(ProblemType.CHALLENGE_REQUIRED, detail)
                    .with("challenge", c.challenge()));
        }
        if (refusal instanceof VoteOutcome.Overloaded o) {
            return ProblemResponses.of(Problem.of(ProblemType.OVERLOADED, o.reason()), o.retryAfter());
        }
        if (refusal instanceof VoteOutcome.Unavailable u) {
            return ProblemResponses.of(Problem.of(ProblemType.UNAVAILABLE, u.reason()), u.retryAfter());
        }
        throw new IllegalStateException("unmapped refusal " + refusal);
    }
}
