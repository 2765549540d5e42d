package votes.ledger.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static votes.ledger.LedgerFixture.admin;
import static votes.ledger.LedgerFixture.append;
import static votes.ledger.LedgerFixture.createPoll;
import static votes.ledger.LedgerFixture.newSubject;
import static votes.ledger.LedgerFixture.patience;
import static votes.ledger.LedgerFixture.token;
import static votes.ledger.LedgerFixture.vote;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import votes.events.codec.EventCodec;
import votes.events.export.ExportLine;
import votes.events.vote.VoteSubmitted;
import votes.infra.test.LocalStackResource;
import votes.ledger.LedgerTables;

@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
class ExportIT {

    @Inject
    Pool pool;

    @Test
    void exportListsEveryRecordAndRejectionOfThePollInLogOrderAsJsonLinesAndCsv() {
        String pollId = createPoll();
        String carol = newSubject("carol");
        VoteSubmitted first = vote(pollId, carol, "a", Instant.now());
        VoteSubmitted again = vote(pollId, carol, "b", Instant.now());
        VoteSubmitted strange = vote(pollId, newSubject("dan"), "zzz", Instant.now());
        VoteSubmitted other = vote(pollId, newSubject("erin"), "b", Instant.now());
        List<VoteSubmitted> all = List.of(first, again, strange, other);
        all.forEach(votes.ledger.LedgerFixture::append);
        LedgerTables tables = new LedgerTables(pool);
        await().atMost(patience()).until(() -> all.stream().allMatch(vote -> tables.verdicts(vote.eventId()) == 1));
        // Another poll's entries stay out of this export.
        append(vote(createPoll(), carol, "a", Instant.now()));

        Response jsonl = given().auth().oauth2(token("aud", "auditor"))
                .get("/api/v1/polls/{id}/export?format=jsonl", pollId);
        jsonl.then().statusCode(200);
        assertThat(jsonl.contentType()).startsWith("application/x-ndjson");
        String body = jsonl.asString();
        assertThat(body).endsWith("\n");
        List<ExportLine> lines = Arrays.stream(body.split("\n"))
                .map(line -> EventCodec.fromJson(line, ExportLine.class)).toList();

        assertThat(lines).extracting(ExportLine::eventId).containsExactlyInAnyOrder(
                first.eventId(), again.eventId(), strange.eventId(), other.eventId());
        assertThat(lines).isSortedAccordingTo(Comparator.comparingInt(ExportLine::partition)
                .thenComparingLong(ExportLine::offset));
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.pollId()).isEqualTo(pollId);
            assertThat(line.decidedAt()).isNotNull();
        });
        ExportLine recorded = line(lines, first);
        assertThat(recorded.status()).isEqualTo("recorded");
        assertThat(recorded.optionId()).isEqualTo("a");
        assertThat(recorded.voterId()).isEqualTo(first.voterId());
        assertThat(recorded.reason()).isNull();
        assertThat(recorded.leafIndex()).isNotNull();
        assertThat(recorded.submittedAt()).isEqualTo(first.submittedAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(line(lines, again)).extracting(ExportLine::status, ExportLine::reason, ExportLine::leafIndex)
                .containsExactly("rejected", "duplicate", null);
        assertThat(line(lines, strange).reason()).isEqualTo("unknown-option");
        assertThat(line(lines, other).status()).isEqualTo("recorded");
        // The exact bytes ExportLine prints: the API and `audit export` agree line by line.
        assertThat(body).isEqualTo(String.join("", lines.stream().map(line -> line.jsonl() + "\n").toList()));

        Response csv = given().auth().oauth2(admin()).get("/api/v1/polls/{id}/export?format=csv", pollId);
        csv.then().statusCode(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.asString()).isEqualTo(Stream.concat(Stream.of(ExportLine.csvHeader()),
                lines.stream().map(ExportLine::csv)).map(line -> line + "\n").reduce("", String::concat));
    }

    @Test
    void pollWithoutEntriesExportsNothingButTheCsvHeader() {
        String pollId = createPoll();
        assertThat(given().auth().oauth2(admin()).get("/api/v1/polls/{id}/export", pollId)
                .then().statusCode(200).extract().asString()).isEmpty();
        assertThat(given().auth().oauth2(admin()).get("/api/v1/polls/{id}/export?format=csv", pollId)
                .then().statusCode(200).extract().asString()).isEqualTo(ExportLine.csvHeader() + "\n");
    }

    @Test
    void badFormatIs400AndUnknownPollIs404AsProblemJson() {
        given().auth().oauth2(admin()).get("/api/v1/polls/{id}/export?format=xml", createPoll())
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://votes.dev/problems/malformed-request"));
        given().auth().oauth2(admin()).get("/api/v1/polls/{id}/export?format=csv", "no-such-poll")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://votes.dev/problems/poll-not-found"));
    }

    private static ExportLine line(List<ExportLine> lines, VoteSubmitted vote) {
        return lines.stream().filter(line -> line.eventId().equals(vote.eventId())).findFirst().orElseThrow();
    }
}
