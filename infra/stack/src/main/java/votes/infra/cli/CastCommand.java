package votes.infra.cli;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import votes.events.challenge.ChallengeRequired.Challenge;
import votes.events.challenge.Hashcash;
import votes.infra.launcher.LocalStack;
import votes.infra.vote.Ballot;

@Command(name = "cast", mixinStandardHelpOptions = true,
        description = {"Votes once as a voter would: mints the voter's token, sends the ballot through the gateway, and"
                + " when ingest asks for proof of work (403 challenge-required) solves it and sends the ballot again"
                + " with the proof. Prints the receipt (the 202's body) on stdout; progress of a long solve on stderr.",
                "  ./vote cast --poll 0193… --option a --sub alice",
                "Exit: 0 accepted (or already voted: the 409 with the existing receipt), 1 refused (401/403/404/422/"
                        + "429, or a challenge left unsolved), 2 could not run (no answer, 5xx, bad arguments)."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:accepted, or already voted", "1:refused", "2:could not run"})
final class CastCommand implements Callable<Integer> {

    /** Below this a solve is too short to be worth a progress line. */
    private static final Duration QUIET_SOLVE = Duration.ofSeconds(1);
    /** Per request: generous, the stack may be busy, and a vote that is not answered by then has another problem. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    @Option(names = "--poll", required = true, description = "The poll's id.")
    String pollId;

    @Option(names = "--option", required = true, description = "The option's id.")
    String optionId;

    @Option(names = "--sub", defaultValue = "alice", description = "The voter (token subject). Default: ${DEFAULT-VALUE}.")
    String sub;

    @Option(names = "--device", description = "Sent as X-Device-Id (ingest limits per device).")
    String deviceId;

    @Option(names = "--url", description = "The gateway's origin (default: this stack's, VOTE_URL of ./vote env).")
    URI url;

    @Option(names = "--max-challenges", defaultValue = "3",
            description = "Challenges answered in a row before giving up. Default: ${DEFAULT-VALUE}.")
    int maxChallenges;

    @Override
    public Integer call() {
        LocalStack stack = Cli.stack();
        String token = stack.tokens().mint(sub, List.of("voter"));
        URI origin = url != null ? url : URI.create(stack.settings().gatewayUrl());
        Ballot ballot = new Ballot(origin, token, pollId, optionId, deviceId, maxChallenges, REQUEST_TIMEOUT);
        Ballot.Outcome outcome;
        try {
            outcome = ballot.cast(new StderrProgress());
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("vote cast: no answer from " + origin + ": " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
        if (outcome.challenges() > 0) {
            System.err.printf(Locale.ROOT, "vote cast: %d challenge(s) solved in %.2f s%n", outcome.challenges(),
                    outcome.solving().toNanos() / 1e9);
        }
        (outcome.status() == 202 ? System.out : System.err).println(outcome.body());
        return exitCode(outcome.status());
    }

    /** 0: the vote is in (202, or 409: this voter's earlier vote is); 1: the server said no; 2: it could not say. */
    static int exitCode(int status) {
        if (status == 202 || status == 409) {
            return 0;
        }
        return status >= 400 && status < 500 ? 1 : 2;
    }

    /** A line on stderr per report once a solve has taken a while (a short one stays silent). */
    private static final class StderrProgress implements Ballot.Watcher {
        @Override
        public void tried(Challenge challenge, long attempts, Duration elapsed) {
            if (elapsed.compareTo(QUIET_SOLVE) >= 0) {
                System.err.printf(Locale.ROOT, "vote cast: solving a %d-bit challenge: %,d of ~%,d attempts, %.1f s%n",
                        challenge.difficulty(), attempts, Hashcash.expectedAttempts(challenge.difficulty()),
                        elapsed.toNanos() / 1e9);
            }
        }
    }
}
