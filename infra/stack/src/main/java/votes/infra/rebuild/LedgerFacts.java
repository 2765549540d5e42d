package votes.infra.rebuild;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import votes.infra.postgres.Psql;

/**
 * What one ledger database holds that a rebuild must reproduce, read by one statement (one snapshot, so a ledger
 * still writing cannot tear it): each Merkle log's head; votes per (poll, option) and rejections per reason among
 * the records below the log's end offsets (a live original goes on recording past them); every poll row as a
 * digest of its facts; tally delta sums and all counted (recorded, not voided) votes per (poll, option); every poll's
 * applied voids as a digest.
 *
 * @param logs               log id → head, logs with at least one leaf
 * @param votesBelowEnds     recorded votes of records below the end offsets, per (poll, option)
 * @param rejectionsBelowEnds rejections of records below the end offsets, per reason
 * @param polls              poll id → md5 of (title, options, opens_at, closes_at, closed_at, created_at)
 * @param tallies            sum of tally_deltas.vote_count per (poll, option)
 * @param recorded           every counted vote per (poll, option), whatever its offset: recorded and not voided, what
 *                           the tally deltas must sum to
 * @param rejections         every rejection, whatever its offset
 * @param voids              poll id → md5 of its vote_voids rows (event, flag, reason, voidedAt, named and voided
 *                           counts, counted, position, log and leaf), in event id order
 */
public record LedgerFacts(Map<Integer, Head> logs, Map<PollOption, Long> votesBelowEnds,
                          Map<String, Long> rejectionsBelowEnds, Map<String, String> polls,
                          Map<PollOption, Long> tallies, Map<PollOption, Long> recorded, long rejections,
                          Map<String, String> voids) {

    /** A Merkle log's head as merkle_logs holds it: size and root (hex). */
    public record Head(long size, String root) {
    }

    private static final HexFormat HEX = HexFormat.of();

    /** Reads the facts of {@code database} among the records of votes.submitted below {@code ends}. */
    public static LedgerFacts read(Psql psql, String database, Map<Integer, Long> ends) {
        return parse(psql.query(database, sql(ends)));
    }

    /**
     * The one statement. Text keys are hex-encoded (a poll or option id may hold any character, '|' and line breaks
     * included); the below-the-ends restriction joins the end offsets as a VALUES list.
     */
    static String sql(Map<Integer, Long> ends) {
        StringJoiner values = new StringJoiner(", ", "(VALUES ", ") AS e(p, o)");
        if (ends.isEmpty()) {
            values.add("(-1, 0::bigint)");
        }
        ends.forEach((partition, end) -> values.add("(" + partition + ", " + end + "::bigint)"));
        String below = " JOIN " + values + " ON x.kafka_partition = e.p AND x.kafka_offset < e.o";
        return "SELECT 'log', log_id::text, '', size, encode(root, 'hex') FROM merkle_logs WHERE size > 0"
                + " UNION ALL SELECT 'vote', " + hex("x.poll_id") + ", " + hex("x.option_id") + ", count(*), ''"
                + " FROM votes x" + below + " GROUP BY 2, 3"
                + " UNION ALL SELECT 'rejection', x.reason, '', count(*), '' FROM rejections x" + below + " GROUP BY 2"
                + " UNION ALL SELECT 'poll', " + hex("poll_id") + ", '', 0, md5(row(title, options, opens_at, closes_at,"
                + " closed_at, created_at)::text) FROM polls"
                + " UNION ALL SELECT 'tally', " + hex("poll_id") + ", " + hex("option_id") + ", sum(vote_count), ''"
                + " FROM tally_deltas GROUP BY 2, 3"
                + " UNION ALL SELECT 'recorded', " + hex("poll_id") + ", " + hex("option_id") + ", count(*), ''"
                + " FROM votes WHERE voided_at IS NULL GROUP BY 2, 3"
                + " UNION ALL SELECT 'rejections', '', '', count(*), '' FROM rejections"
                + " UNION ALL SELECT 'voids', " + hex("poll_id") + ", '', count(*), md5(string_agg(row(event_id,"
                + " flag_id, reason, voided_at, named_votes, voided_votes, counted, kafka_partition, kafka_offset,"
                + " log_id, leaf_index)::text, '|' ORDER BY event_id)) FROM vote_voids GROUP BY 2";
    }

    private static String hex(String column) {
        return "encode(convert_to(" + column + ", 'UTF8'), 'hex')";
    }

    /** psql's unaligned output of {@link #sql}: kind|a|b|n|h per line. */
    static LedgerFacts parse(String output) {
        Map<Integer, Head> logs = new TreeMap<>();
        Map<PollOption, Long> votes = new TreeMap<>();
        Map<String, Long> rejectionsBelow = new TreeMap<>();
        Map<String, String> polls = new TreeMap<>();
        Map<String, String> voids = new TreeMap<>();
        Map<PollOption, Long> tallies = new TreeMap<>();
        Map<PollOption, Long> recorded = new TreeMap<>();
        long rejections = 0;
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            if (f.length != 5) {
                throw new IllegalArgumentException("not a ledger fact: " + line);
            }
            long n = Long.parseLong(f[3]);
            switch (f[0]) {
                case "log" -> logs.put(Integer.parseInt(f[1]), new Head(n, f[4]));
                case "vote" -> votes.put(option(f), n);
                case "rejection" -> rejectionsBelow.put(f[1], n);
                case "poll" -> polls.put(text(f[1]), f[4]);
                case "tally" -> tallies.put(option(f), n);
                case "recorded" -> recorded.put(option(f), n);
                case "rejections" -> rejections = n;
                case "voids" -> voids.put(text(f[1]), f[4]);
                default -> throw new IllegalArgumentException("not a ledger fact: " + line);
            }
        }
        return new LedgerFacts(logs, votes, rejectionsBelow, polls, tallies, recorded, rejections, voids);
    }

    private static PollOption option(String[] fields) {
        return new PollOption(text(fields[1]), text(fields[2]));
    }

    private static String text(String hex) {
        return new String(HEX.parseHex(hex), StandardCharsets.UTF_8);
    }

    public long votesBelowEndsTotal() {
        return votesBelowEnds.values().stream().mapToLong(Long::longValue).sum();
    }

    public long recordedTotal() {
        return recorded.values().stream().mapToLong(Long::longValue).sum();
    }

    public long leaves() {
        return logs.values().stream().mapToLong(Head::size).sum();
    }
}
