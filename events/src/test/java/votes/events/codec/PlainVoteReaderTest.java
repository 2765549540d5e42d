package votes.events.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import votes.events.vote.ClientFacts;
import votes.events.vote.VoteSubmitted;

class PlainVoteReaderTest {

    private static final PlainVoteReader READER = new PlainVoteReader(JsonMapper.builder().build().getFactory());
    private static final String ID = "0b8e4f6a-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
    private static final String PLAIN = "{\"schemaVersion\":1,\"eventId\":\"" + ID + "\",\"pollId\":\"p1\","
            + "\"voterId\":\"v1:ab\",\"optionId\":\"a\",\"submittedAt\":\"2026-12-01T06:41:58.103588Z\","
            + "\"idempotencyKey\":\"k\",\"client\":{\"deviceId\":\"d\",\"addressHash\":\"h1:x\",\"userAgentHash\":null},"
            + "\"voterKeyId\":\"6a0cda7c\"}";

    @Test
    void readsEveryVoteProducersWriteAsDataBindingDoes() {
        Random random = new Random(3);
        for (int i = 0; i < 5_000; i++) {
            ClientFacts client = switch (i % 3) {
                case 0 -> ClientFacts.NONE;
                case 1 -> new ClientFacts("device-" + i, "h1:" + i, null);
                default -> null;
            };
            VoteSubmitted vote = VoteSubmitted.of(new UUID(random.nextLong(), random.nextLong()), "poll-" + i,
                    "voter-\u00e9\"\\" + i, "o" + i % 7, Instant.ofEpochSecond(random.nextInt(), random.nextInt(1_000_000_000)),
                    i % 2 == 0 ? null : "retry-" + i, client, i % 5 == 0 ? null : "key-" + i);
            byte[] bytes = EventCodec.encode(vote);
            assertThat(READER.readOrNull(bytes)).as(new String(bytes, StandardCharsets.UTF_8))
                    .isEqualTo(dataBinding(bytes)).isEqualTo(vote);
        }
    }

    @Test
    void readsThePlainFormInAnyFieldOrderWithFieldsItDoesNotKnow() {
        String reordered = "{\"voterKeyId\":null,\"client\":null,\"unknown\":{\"a\":[1,{\"b\":2}]},\"optionId\":\"a\","
                + "\"submittedAt\":\"2026-12-01T06:41:58Z\",\"voterId\":\"v\",\"pollId\":\"p\",\"eventId\":\""
                + ID.toUpperCase() + "\",\"later\":[true],\"schemaVersion\":1}";
        VoteSubmitted vote = READER.readOrNull(bytes(reordered));
        assertThat(vote).isNotNull().isEqualTo(dataBinding(bytes(reordered)));
        assertThat(vote.client()).isEqualTo(ClientFacts.NONE);
    }

    @Test
    void leavesEveryOtherFormToDataBinding() {
        List<String> others = List.of(
                PLAIN.replace("\"schemaVersion\":1", "\"schemaVersion\":\"1\""),
                PLAIN.replace("\"schemaVersion\":1", "\"schemaVersion\":1.0"),
                PLAIN.replace("\"schemaVersion\":1", "\"schemaVersion\":4294967297"),
                PLAIN.replace("\"schemaVersion\":1,", ""),
                PLAIN.replace("\"pollId\":\"p1\"", "\"pollId\":17"),
                PLAIN.replace("\"pollId\":\"p1\"", "\"pollId\":null"),
                PLAIN.replace("\"pollId\":\"p1\"", "\"pollId\":\"p1\",\"pollId\":\"p2\""),
                PLAIN.replace("\"optionId\":\"a\"", "\"optionId\":[\"a\"]"),
                PLAIN.replace(ID, "0b8e4f6a1c2d4e5f8a9b0c1d2e3f4a5b"),
                PLAIN.replace(ID, "1-2-3-4-5"),
                PLAIN.replace(ID, ID.replace('a', 'g')),
                PLAIN.replace(ID, ID.replace('1', '\uff11')),
                PLAIN.replace("2026-12-01T06:41:58.103588Z", "2026-12-01T06:41:58+00:00"),
                PLAIN.replace("2026-12-01T06:41:58.103588Z", "1764571318"),
                PLAIN.replace("\"2026-12-01T06:41:58.103588Z\"", "1764571318"),
                PLAIN.replace("\"idempotencyKey\":\"k\"", "\"idempotencyKey\":5"),
                PLAIN.replace("\"userAgentHash\":null", "\"userAgentHash\":true"),
                PLAIN.replace("\"client\":{", "\"client\":{\"deviceId\":\"x\","),
                PLAIN.replace("\"client\":{\"deviceId\":\"d\",\"addressHash\":\"h1:x\",\"userAgentHash\":null}", "\"client\":\"c\""),
                PLAIN + " {}", PLAIN + "x", "[" + PLAIN + "]", "{}", "null", "", "{\"schemaVersion\":1");
        for (String other : others) {
            assertThat(READER.readOrNull(bytes(other))).as(other).isNull();
        }
    }

    @Test
    void whatItReadsUnderRandomEditsIsWhatDataBindingReads() {
        Random random = new Random(11);
        String[] inserts = {"\"", "{", "}", "[", ",", ":", "1", "null", " ", "\\", "a", "-", "\u00e9"};
        int read = 0;
        for (int i = 0; i < 30_000; i++) {
            StringBuilder text = new StringBuilder(PLAIN);
            for (int edits = 1 + random.nextInt(2); edits > 0; edits--) {
                int at = random.nextInt(text.length());
                text.replace(at, at + random.nextInt(3), inserts[random.nextInt(inserts.length)]);
            }
            byte[] bytes = bytes(text.toString());
            VoteSubmitted plain = READER.readOrNull(bytes);
            if (plain != null) {
                read++;
                assertThat(plain).as(text.toString()).isEqualTo(dataBinding(bytes));
            }
        }
        assertThat(read).as("edits the plain form survives (values changed, not structure)").isPositive();
    }

    /** The general path: EventCodec's mapper, with data binding; null when it refuses the bytes. */
    private static VoteSubmitted dataBinding(byte[] bytes) {
        try {
            return EventCodec.fromJson(new String(bytes, StandardCharsets.UTF_8), VoteSubmitted.class);
        } catch (EventCodecException e) {
            return null;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
