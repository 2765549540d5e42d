package votes.ingest.vote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VoteRequestParserTest {

    private final VoteRequestParser parser = new VoteRequestParser(new ObjectMapper());

    private VoteRequestParser.Parsed parse(String body, String idempotencyKey, String deviceId) {
        return parser.parse(body == null ? null : body.getBytes(StandardCharsets.UTF_8), idempotencyKey, deviceId);
    }

    private static String malformedDetail(VoteRequestParser.Parsed parsed) {
        assertThat(parsed).isInstanceOf(VoteRequestParser.Invalid.class);
        VoteOutcome.Refusal refusal = ((VoteRequestParser.Invalid) parsed).refusal();
        assertThat(refusal).isInstanceOf(VoteOutcome.Malformed.class);
        return ((VoteOutcome.Malformed) refusal).detail();
    }

    @Test
    void aWellFormedVoteIsRead() {
        VoteRequestParser.Parsed parsed = parse("{\"optionId\":\"option-2\",\"comment\":\"ignored\"}", "key-1", "dev-1");
        assertThat(parsed).isEqualTo(new VoteRequestParser.Valid(new VoteRequest("option-2"), "key-1", "dev-1"));
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() {
        assertThat(malformedDetail(parse("optionId=a", null, null))).contains("not JSON");
        assertThat(malformedDetail(parse("{\"optionId\":", null, null))).contains("not JSON");
    }

    @Test
    void anEmptyBodyOrANonObjectIsMalformed() {
        assertThat(malformedDetail(parse("", null, null))).contains("optionId");
        assertThat(malformedDetail(parse("[\"a\"]", null, null))).contains("object");
        assertThat(malformedDetail(parse("\"a\"", null, null))).contains("object");
    }

    @Test
    void aMissingOrNullOptionIsMalformed() {
        assertThat(malformedDetail(parse("{}", null, null))).contains("optionId is required");
        assertThat(malformedDetail(parse("{\"optionId\":null}", null, null))).contains("optionId is required");
    }

    @Test
    void anOptionIdOutsideTheAlphabetOrTooLongIsMalformed() {
        assertThat(malformedDetail(parse("{\"optionId\":\"A\"}", null, null))).contains("[a-z0-9-]");
        assertThat(malformedDetail(parse("{\"optionId\":\"\"}", null, null))).contains("[a-z0-9-]");
        assertThat(malformedDetail(parse("{\"optionId\":7}", null, null))).contains("[a-z0-9-]");
        assertThat(malformedDetail(parse("{\"optionId\":\"" + "a".repeat(41) + "\"}", null, null))).contains("[a-z0-9-]");
        assertThat(parse("{\"optionId\":\"" + "a".repeat(40) + "\"}", null, null)).isInstanceOf(VoteRequestParser.Valid.class);
    }

    @Test
    void anIdempotencyKeyOver100CharactersIsMalformed() {
        assertThat(malformedDetail(parse("{\"optionId\":\"a\"}", "k".repeat(101), null))).contains("Idempotency-Key");
        assertThat(parse("{\"optionId\":\"a\"}", "k".repeat(100), null)).isInstanceOf(VoteRequestParser.Valid.class);
    }

    @Test
    void anOverlongDeviceIdIsMalformedAndABlankOneIsIgnored() {
        assertThat(malformedDetail(parse("{\"optionId\":\"a\"}", null, "d".repeat(201)))).contains("X-Device-Id");
        assertThat(((VoteRequestParser.Valid) parse("{\"optionId\":\"a\"}", null, " ")).deviceId()).isNull();
    }

    @Test
    void aBodyOver4KibIsTooLargeWhateverItHolds() {
        String big = "{\"optionId\":\"a\",\"pad\":\"" + "x".repeat(4100) + "\"}";
        VoteRequestParser.Parsed parsed = parse(big, null, null);
        assertThat(parsed).isInstanceOf(VoteRequestParser.Invalid.class);
        assertThat(((VoteRequestParser.Invalid) parsed).refusal()).isInstanceOf(VoteOutcome.TooLarge.class);
    }
}
