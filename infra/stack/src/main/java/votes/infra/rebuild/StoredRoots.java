package votes.infra.rebuild;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import votes.proofs.merkle.MerkleHash;
import votes.proofs.merkle.MerkleProofs;
import votes.proofs.merkle.ProofRequest;
import votes.proofs.merkle.TileKey;
import votes.proofs.merkle.TileNodes;
import votes.infra.postgres.Psql;

/**
 * Roots of a database's Merkle logs at sizes it has passed, recomputed from its tiles (RFC 6962's MTH over the
 * stored complete subtrees, events' {@link MerkleProofs}): what a checkpoint issued at that size must say, and what
 * two ledgers must agree on when one of them has already recorded more.
 */
final class StoredRoots {

    private static final HexFormat HEX = HexFormat.of();

    private StoredRoots() {
    }

    /**
     * @param wanted log id → sizes, each at most the log's stored size
     * @return (log, size) → root hex
     * @throws IllegalStateException when the database lacks a tile such a root needs (a size beyond the log)
     */
    static Map<LogAt, String> read(Psql psql, String database, Map<Integer, Set<Long>> wanted) {
        Map<LogAt, String> roots = new TreeMap<>();
        Map<Integer, Set<TileKey>> needed = new TreeMap<>();
        wanted.forEach((log, sizes) -> sizes.forEach(size -> {
            if (size == 0) {
                roots.put(new LogAt(log, 0), MerkleHash.hex(MerkleHash.emptyRoot()));
            } else {
                needed.computeIfAbsent(log, l -> new TreeSet<>(StoredRoots::byLevelAndIndex))
                        .addAll(TileNodes.needed(new ProofRequest.Root(size)));
            }
        }));
        if (needed.isEmpty()) {
            return roots;
        }
        Map<Integer, Map<TileKey, byte[]>> tiles = new HashMap<>();
        Map<Integer, byte[]> rightEdges = new HashMap<>();
        // One statement: the right edge and the tiles of one snapshot, as the ledger's own proofs read them.
        String output = psql.query(database, sql(needed));
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            int log = Integer.parseInt(f[0]);
            int level = Integer.parseInt(f[1]);
            byte[] bytes = HEX.parseHex(f[3]);
            if (level < 0) {
                rightEdges.put(log, bytes);
            } else {
                tiles.computeIfAbsent(log, l -> new HashMap<>()).put(new TileKey(level, Long.parseLong(f[2])), bytes);
            }
        }
        wanted.forEach((log, sizes) -> sizes.stream().filter(size -> size > 0).forEach(size -> {
            byte[] edge = rightEdges.get(log);
            if (edge == null) {
                throw new IllegalStateException("database " + database + " has no Merkle log " + log);
            }
            TileNodes nodes = new TileNodes(tiles.getOrDefault(log, Map.of()), edge);
            roots.put(new LogAt(log, size), MerkleHash.hex(MerkleProofs.root(size, nodes)));
        }));
        return roots;
    }

    static String sql(Map<Integer, Set<TileKey>> needed) {
        StringJoiner logs = new StringJoiner(", ");
        StringJoiner keys = new StringJoiner(", ");
        needed.forEach((log, tiles) -> {
            logs.add(Integer.toString(log));
            tiles.forEach(key -> keys.add("(" + log + ", " + key.level() + ", " + key.index() + "::bigint)"));
        });
        String edges = "SELECT log_id, -1, 0::bigint, encode(right_edge, 'hex') FROM merkle_logs WHERE log_id IN ("
                + logs + ")";
        if (keys.length() == 0) {
            return edges;
        }
        return edges + " UNION ALL SELECT t.log_id, t.level, t.idx, encode(t.hashes, 'hex') FROM merkle_tiles t"
                + " JOIN (VALUES " + keys + ") AS k(l, lv, i) ON t.log_id = k.l AND t.level = k.lv AND t.idx = k.i";
    }

    private static int byLevelAndIndex(TileKey a, TileKey b) {
        int byLevel = Integer.compare(a.level(), b.level());
        return byLevel != 0 ? byLevel : Long.compare(a.index(), b.index());
    }
}
