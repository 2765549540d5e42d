package votes.system.fuzz;

import static votes.system.fuzz.Bodies.utf8;
import static votes.system.fuzz.Gen.weight;

import java.util.ArrayList;
import java.util.List;
import votes.system.fuzz.HostileRequest.Header;

/**
 * Every public endpoint of ../shared/API.md (and the gateway's routes: pages too) with bad input of each kind the
 * issue names. Votes go only where they cannot count: a hostile body, a bad token, a wrong method or content type,
 * an unknown or closed poll; a poll is never valid (PollBodies).
 *
 * @param openPoll   a poll open for votes, so a vote is refused for its input and not for its poll
 * @param closedPoll a closed poll
 */
record HostileRequests(String openPoll, String closedPoll, String voter, String admin, String auditor,
                       String voterWithoutGroup) {

    private static final String JSON = "application/json";
    private static final String VALID_VOTE = "{\"optionId\":\"a\"}";
    private static final Gen<Character> ASCII = Gen.charRange('\0', '\u007f');
    private static final Gen<Character> ALPHA = Gen.chars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    Gen<HostileRequest> any() {
        return Gen.frequency(
                weight(6, hostileVoteBodies()),
                weight(4, hostilePolls()),
                weight(2, badAuth()),
                weight(3, wrongMethods()),
                weight(2, wrongContentTypes()),
                weight(2, oversizedHeaders()),
                weight(4, pathJunk()),
                weight(2, hostileStreams()),
                weight(1, hostileVoteHeaders()));
    }

    Gen<HostileRequest> hostileVoteBodies() {
        return Bodies.hostileJson().map(body -> post("hostile vote body", votes(openPoll), voter, JSON, body));
    }

    Gen<HostileRequest> hostilePolls() {
        Gen<String> token = Gen.of(admin, admin, voter);
        return Gen.combine(PollBodies.hostile(), token,
                (body, who) -> post("hostile poll body", "/api/v1/polls", who, JSON, body));
    }

    /** A valid vote, but no, a garbage or a foreign token: 401/403 and nothing stored. */
    Gen<HostileRequest> badAuth() {
        Gen<String> authorization = Gen.oneOf(
                Gen.of("", "Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4=", "Token " + voter, "Bearer " + voter + "x",
                        "Bearer " + voter.substring(0, voter.lastIndexOf('.')) + ".", "Bearer eyJhbGciOiJub25lIn0.e30.",
                        "Bearer " + voterWithoutGroup, "Bearer " + voter + ", Bearer " + voter),
                Gen.strings(ASCII, 0, 2000).map(junk -> "Bearer " + junk.replaceAll("[\\r\\n]", "")));
        Gen<String> poll = Gen.of(openPoll, closedPoll);
        return Gen.combine(authorization, poll, (auth, id) -> HostileRequest.of("bad auth", "POST", votes(id),
                List.of(Header.of("Content-Type", JSON), Header.of("Authorization", auth)), utf8(VALID_VOTE), true));
    }

    Gen<HostileRequest> wrongMethods() {
        Gen<String> method = Gen.of("PUT", "DELETE", "PATCH", "TRACE", "OPTIONS", "CONNECT", "FOO", "get",
                "POST", "GET", "HEAD", "PROPFIND", "M".repeat(300));
        Gen<String> path = Gen.of(votes(openPoll), "/api/v1/polls", "/api/v1/polls/" + openPoll,
                "/api/v1/polls/" + closedPoll + "/close", "/api/v1/polls/" + openPoll + "/results",
                "/api/v1/receipts/0190f0f0-0000-7000-8000-000000000000", "/api/v1/checkpoints/latest",
                "/api/v1/polls/" + openPoll + "/chain", "/api/v1/polls/" + openPoll + "/export?format=csv", "/vote.html");
        return Gen.combine(method, path, this::wrongMethod).filter(request -> request != null);
    }

    /** The method against what the path takes: a method the endpoint serves is turned into one it does not. */
    private HostileRequest wrongMethod(String method, String path) {
        boolean takesPost = path.endsWith("/votes") || path.equals("/api/v1/polls") || path.endsWith("/close");
        String wrong = takesPost && method.equals("POST") ? "PUT" : !takesPost && method.equals("GET") ? "DELETE" : method;
        if (method.equals("CONNECT")) {
            return null; // CONNECT's target is an authority, not a path: a different request line, left to the gateway's own tests
        }
        // Not "changing": a HEAD or OPTIONS may rightly answer 2xx; the counts after the run judge what was stored.
        return HostileRequest.of("wrong method", wrong, path, List.of(Header.of("Content-Type", JSON),
                Header.of("Authorization", "Bearer " + (path.endsWith("/votes") ? voter : admin))), utf8(VALID_VOTE), false);
    }

    Gen<HostileRequest> wrongContentTypes() {
        Gen<String> type = Gen.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "text/html", "application/octet-stream", "image/png",
                "application/jsonx", "json", ";;;", "text/plain; charset=utf-8");
        return Gen.combine(type, Gen.booleans(), (contentType, vote) -> vote
                ? post("wrong content type", votes(openPoll), voter, contentType, utf8(VALID_VOTE))
                : post("wrong content type", "/api/v1/polls", admin, contentType,
                        utf8("{\"title\":\"t\",\"options\":[{\"id\":\"a\",\"label\":\"A\"}]}")));
    }

    /** Around and far over the gateway's header limits, on a vote, a poll and a read. */
    Gen<HostileRequest> oversizedHeaders() {
        Gen<Integer> size = Gen.ints(4 * 1024, 96 * 1024);
        Gen<String> path = Gen.of(votes(openPoll), "/api/v1/polls", "/api/v1/polls/" + openPoll + "/results",
                "/results.html");
        Gen<Boolean> oneHeader = Gen.booleans();
        return random -> oversizedHeaders(size.next(random), path.next(random), oneHeader.next(random));
    }

    private HostileRequest oversizedHeaders(int n, String target, boolean one) {
        List<Header> headers = new ArrayList<>(List.of(Header.of("Content-Type", JSON),
                Header.of("Authorization", "Bearer " + voter)));
        if (one) {
            headers.add(Header.of("X-Junk", "j".repeat(n)));
        } else {
            for (int i = 0; i < n / 64; i++) {
                headers.add(Header.of("X-Junk-" + i, "j".repeat(50)));
            }
        }
        // An invalid vote: a size between the gateway's limit and a service's would otherwise reach ingest whole.
        return HostileRequest.of("oversized headers", "POST", target, headers, utf8("{\"optionId\":\"A\"}"), true);
    }

    Gen<HostileRequest> pathJunk() {
        Gen<String> junk = Gen.oneOf(
                Gen.of("%00", "%ff%fe", "%C3%28", "..%2f..%2fq%2fmetrics", "%2e%2e", "a;b=c", "..", ".", "%",
                        "%zz", "%u0000", "é", "$(id)", "'%20OR%201=1--", "%0d%0aX-Injected:%201", "a%2fb", "~", "%20",
                        "0190f0f0-0000-7000-8000-000000000000", "-1", "9".repeat(30), "%E2%80%AE", "%F0%9F%92%A9", "%ED%A0%80"),
                Gen.strings(Gen.charRange('a', 'z'), 1, 9000),
                Gen.strings(Gen.chars("%./;:@!$&'()*+,=-_~0123456789abcdef"), 1, 60));
        Gen<String> shape = Gen.of("/api/v1/polls/%s", "/api/v1/polls/%s/votes", "/api/v1/polls/%s/close",
                "/api/v1/polls/%s/results", "/api/v1/polls/%s/chain", "/api/v1/polls/%s/export?format=%s",
                "/api/v1/receipts/%s", "/api/v1/checkpoints/%s", "/api/v1/polls?limit=%s", "/api/%s", "/api/v1/%s/votes",
                "//api//v1//polls//%s", "/%s", "/results.html?poll=%s", "/q/%s");
        return Gen.combine(junk, shape, this::junkPath);
    }

    private HostileRequest junkPath(String junk, String shape) {
        String path = shape.replace("%s", junk);
        boolean post = shape.endsWith("/votes") || shape.endsWith("/close");
        String token = shape.endsWith("/votes") || shape.contains("/receipts/") ? voter
                : shape.contains("/chain") || shape.contains("/export") ? auditor : admin;
        return HostileRequest.of("path junk", post ? "POST" : "GET", path, List.of(Header.of("Content-Type", JSON),
                Header.of("Authorization", "Bearer " + token)), post ? utf8(VALID_VOTE) : null, post);
    }

    /** The results stream with a Last-Event-ID no server ever sent, on a live poll and on junk. */
    Gen<HostileRequest> hostileStreams() {
        Gen<byte[]> lastEventId = Gen.oneOf(
                Gen.of("-1", "99999999999999999999999", "abc", "1e9", "NaN", " ", "-9223372036854775808",
                        "9223372036854775807", "0x10", "1.5", "", "\u00e9", "1 2").map(Bodies::utf8),
                Gen.strings(ASCII, 0, 6000).map(s -> utf8(s.replaceAll("[\\r\\n]", ""))),
                Gen.of(new byte[] {(byte) 0xff, (byte) 0xfe}, new byte[] {0}, new byte[] {(byte) 0xc3, 0x28}));
        Gen<String> poll = Gen.of(openPoll, closedPoll, "nope", "%00");
        return Gen.combine(lastEventId, poll, (id, p) -> HostileRequest.of("hostile Last-Event-ID", "GET",
                        "/api/v1/polls/" + p + "/results/stream", List.of(Header.of("Accept", "text/event-stream")), null, false)
                .withHeader(new Header("Last-Event-ID", id)).asStream());
    }

    /** A valid vote body with headers ingest must refuse (Idempotency-Key ≤ 100, X-Device-Id ≤ 200 chars). */
    Gen<HostileRequest> hostileVoteHeaders() {
        Gen<Header> header = Gen.oneOf(
                Gen.strings(ALPHA, 101, 3000).map(k -> Header.of("Idempotency-Key", k)),
                Gen.strings(ALPHA, 201, 3000).map(d -> Header.of("X-Device-Id", d)));
        return header.map(h -> post("hostile vote header", votes(openPoll), voter, JSON, utf8(VALID_VOTE)).withHeader(h));
    }

    private static String votes(String poll) {
        return "/api/v1/polls/" + poll + "/votes";
    }

    private static HostileRequest post(String kind, String path, String token, String contentType, byte[] body) {
        return HostileRequest.of(kind, "POST", path, List.of(Header.of("Content-Type", contentType),
                Header.of("Authorization", "Bearer " + token)), body, true);
    }
}
