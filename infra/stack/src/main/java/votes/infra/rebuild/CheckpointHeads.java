package votes.infra.rebuild;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import votes.infra.postgres.Psql;

/**
 * The signed checkpoints of a ledger database as the distinct log heads they state: every (log, size, root) once,
 * with the first and last checkpoint that states it (a quiet log's head repeats in every checkpoint).
 *
 * @param heads    distinct heads
 * @param count    checkpoints in the table
 * @param first    lowest sequence number, 0 when there is none
 * @param last     highest sequence number, 0 when there is none
 */
record CheckpointHeads(List<Head> heads, long count, long first, long last) {

    /** One log's head as checkpoints {@code firstSequence..lastSequence} state it. */
    record Head(int log, long size, String root, long firstSequence, long lastSequence) {
    }

    static CheckpointHeads read(Psql psql, String database) {
        return parse(psql.query(database, "SELECT (h->>'log')::int, (h->>'size')::bigint, h->>'root',"
                + " min(c.sequence), max(c.sequence) FROM checkpoints c CROSS JOIN jsonb_array_elements(c.body) h"
                + " GROUP BY 1, 2, 3"
                + " UNION ALL SELECT -1, count(*), '', coalesce(min(sequence), 0), coalesce(max(sequence), 0)"
                + " FROM checkpoints"));
    }

    static CheckpointHeads parse(String output) {
        List<Head> heads = new ArrayList<>();
        long count = 0;
        long first = 0;
        long last = 0;
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            int log = Integer.parseInt(f[0]);
            if (log < 0) {
                count = Long.parseLong(f[1]);
                first = Long.parseLong(f[3]);
                last = Long.parseLong(f[4]);
            } else {
                heads.add(new Head(log, Long.parseLong(f[1]), f[2], Long.parseLong(f[3]), Long.parseLong(f[4])));
            }
        }
        return new CheckpointHeads(List.copyOf(heads), count, first, last);
    }

    /**
     * The highest sequence number up to which every checkpoint states only sizes the logs have reached: a checkpoint
     * issued for votes past them (the original went on recording) cannot be proven from these logs, and neither can
     * any later one. Empty when not even the first is covered, or there is none.
     */
    OptionalLong lastCovered(Map<Integer, Long> sizes) {
        long firstUncovered = heads.stream().filter(head -> head.size() > sizes.getOrDefault(head.log(), 0L))
                .mapToLong(Head::firstSequence).min().orElse(Long.MAX_VALUE);
        long covered = firstUncovered == Long.MAX_VALUE ? last : firstUncovered - 1;
        return count == 0 || covered < first ? OptionalLong.empty() : OptionalLong.of(covered);
    }

    /** The heads stated by checkpoints up to {@code sequence}. */
    List<Head> upTo(long sequence) {
        return heads.stream().filter(head -> head.firstSequence() <= sequence).toList();
    }
}
