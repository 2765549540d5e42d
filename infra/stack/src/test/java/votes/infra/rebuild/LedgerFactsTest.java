package votes.infra.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LedgerFactsTest {

    static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void psqlOutputIsReadBackWithIdsThatHoldSeparatorsAndLineBreaks() {
        String poll = "poll|with\nbreak";
        String output = String.join("\n",
                "log|0||12|" + "a".repeat(64),
                "log|3||7|" + "b".repeat(64),
                "vote|" + hex(poll) + "|" + hex("a") + "|10|",
                "vote|" + hex(poll) + "|" + hex("ü") + "|9|",
                "rejection|duplicate||4|",
                "poll|" + hex(poll) + "||0|0123456789abcdef0123456789abcdef",
                "tally|" + hex(poll) + "|" + hex("a") + "|11|",
                "recorded|" + hex(poll) + "|" + hex("a") + "|11|",
                "rejections|||5|",
                "voids|" + hex(poll) + "||2|fedcba9876543210fedcba9876543210");

        LedgerFacts facts = LedgerFacts.parse(output);

        assertThat(facts.logs()).containsExactly(Map.entry(0, new LedgerFacts.Head(12, "a".repeat(64))),
                Map.entry(3, new LedgerFacts.Head(7, "b".repeat(64))));
        assertThat(facts.votesBelowEnds()).containsOnly(Map.entry(new PollOption(poll, "a"), 10L),
                Map.entry(new PollOption(poll, "ü"), 9L));
        assertThat(facts.votesBelowEndsTotal()).isEqualTo(19);
        assertThat(facts.rejectionsBelowEnds()).containsOnly(Map.entry("duplicate", 4L));
        assertThat(facts.polls()).containsOnly(Map.entry(poll, "0123456789abcdef0123456789abcdef"));
        assertThat(facts.tallies()).containsOnly(Map.entry(new PollOption(poll, "a"), 11L));
        assertThat(facts.recordedTotal()).isEqualTo(11);
        assertThat(facts.rejections()).isEqualTo(5);
        assertThat(facts.voids()).containsOnly(Map.entry(poll, "fedcba9876543210fedcba9876543210"));
        assertThat(facts.leaves()).isEqualTo(19);
    }

    @Test
    void anEmptyDatabaseHasNoFacts() {
        LedgerFacts facts = LedgerFacts.parse("rejections|||0|");

        assertThat(facts.logs()).isEmpty();
        assertThat(facts.votesBelowEnds()).isEmpty();
        assertThat(facts.leaves()).isZero();
    }

    @Test
    void aLineOfAnotherShapeIsRefused() {
        assertThatThrownBy(() -> LedgerFacts.parse("log|0|12")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerFacts.parse("other|||1|")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStatementCountsVotesAndRejectionsBelowEachPartitionsEndOnly() {
        Map<Integer, Long> ends = new TreeMap<>(Map.of(0, 120L, 1, 0L, 2, 7L));

        String sql = LedgerFacts.sql(ends);

        assertThat(sql).contains("(VALUES (0, 120::bigint), (1, 0::bigint), (2, 7::bigint)) AS e(p, o)",
                "ON x.kafka_partition = e.p AND x.kafka_offset < e.o");
        assertThat(sql.split("UNION ALL")).hasSize(8);
    }
}
