package votes.infra.vote;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import votes.events.challenge.ChallengeRequired;
import votes.events.challenge.ChallengeRequired.Challenge;
import votes.events.challenge.Hashcash;
import votes.events.codec.EventCodec;

/**
 * One voter's ballot sent through the gateway as the vote page sends it: one Idempotency-Key for every try, and when
 * ingest answers 403 {@code challenge-required}, the challenge solved (votes.events.challenge.Hashcash) and the same
 * ballot sent again with the proof in the header the challenge names.
 *
 * @param maxChallenges how many challenges in a row are answered before giving up (a proof's window may run out
 *                      while it is solved, so one more is fair; an endless series is not)
 */
public record Ballot(URI origin, String token, String pollId, String optionId, String deviceId, int maxChallenges,
                     Duration timeout) {

    /** The last answer and what it took to get it. */
    public record Outcome(int status, String body, int challenges, Duration solving) {
    }

    /** Told about each challenge before it is solved, and about a long search as it goes. */
    public interface Watcher {

        Watcher NONE = new Watcher() {
        };

        default void challenged(Challenge challenge) {
        }

        default void tried(Challenge challenge, long attempts, Duration elapsed) {
        }
    }

    public Outcome cast(Watcher watcher) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        String idempotencyKey = UUID.randomUUID().toString();
        HttpResponse<String> answer = http.send(request(idempotencyKey, Map.of()), HttpResponse.BodyHandlers.ofString());
        int challenges = 0;
        long solvingNanos = 0;
        Optional<Challenge> challenge = challengeIn(answer);
        while (challenge.isPresent() && challenges < maxChallenges) {
            Challenge c = challenge.get();
            challenges++;
            watcher.challenged(c);
            long start = System.nanoTime();
            String proof = Hashcash.solve(c.nonce(), c.difficulty(),
                    attempts -> watcher.tried(c, attempts, Duration.ofNanos(System.nanoTime() - start)));
            solvingNanos += System.nanoTime() - start;
            answer = http.send(request(idempotencyKey, c.answer(proof)), HttpResponse.BodyHandlers.ofString());
            challenge = challengeIn(answer);
        }
        return new Outcome(answer.statusCode(), answer.body(), challenges, Duration.ofNanos(solvingNanos));
    }

    private static Optional<Challenge> challengeIn(HttpResponse<String> answer) {
        return answer.statusCode() == 403 ? ChallengeRequired.in(answer.body()) : Optional.empty();
    }

    private HttpRequest request(String idempotencyKey, Map<String, String> answer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(origin.resolve("/api/v1/polls/" + pollId + "/votes"))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString("{\"optionId\":" + jsonString(optionId) + "}"));
        if (deviceId != null) {
            request.header("X-Device-Id", deviceId);
        }
        answer.forEach(request::header);
        return request.build();
    }

    private static String jsonString(String text) {
        return EventCodec.toJson(text);
    }
}
