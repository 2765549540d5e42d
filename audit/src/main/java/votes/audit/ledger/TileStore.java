package votes.audit.ledger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import votes.proofs.merkle.NodeSource;
import votes.proofs.merkle.ProofRequest;
import votes.proofs.merkle.TileKey;
import votes.proofs.merkle.TileNodes;

/**
 * The nodes a proof needs, from the ledger's stored tiles: the full tiles {@link TileNodes#needed} names, in one
 * query, plus the log's right edge, read in one snapshot so a concurrent append cannot mix two states.
 */
public final class TileStore {

    private final Connection db;

    public TileStore(Connection db) {
        this.db = db;
    }

    public NodeSource nodes(int log, ProofRequest request) throws SQLException {
        Set<TileKey> needed = TileNodes.needed(request);
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            Map<TileKey, byte[]> tiles = new HashMap<>();
            if (!needed.isEmpty()) {
                Integer[] levels = new Integer[needed.size()];
                Long[] indexes = new Long[needed.size()];
                int i = 0;
                for (TileKey key : needed) {
                    levels[i] = key.level();
                    indexes[i++] = key.index();
                }
                try (PreparedStatement q = db.prepareStatement("SELECT level, idx, hashes FROM merkle_tiles WHERE log_id = ?"
                        + " AND (level, idx) IN (SELECT * FROM unnest(?::int[], ?::bigint[]))")) {
                    Array levelArray = db.createArrayOf("int4", levels);
                    Array indexArray = db.createArrayOf("int8", indexes);
                    q.setInt(1, log);
                    q.setArray(2, levelArray);
                    q.setArray(3, indexArray);
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            tiles.put(new TileKey(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
                        }
                    }
                }
            }
            byte[] rightEdge = new byte[0];
            try (PreparedStatement q = db.prepareStatement("SELECT right_edge FROM merkle_logs WHERE log_id = ?")) {
                q.setInt(1, log);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        rightEdge = rs.getBytes(1);
                    }
                }
            }
            return new TileNodes(tiles, rightEdge);
        } finally {
            db.rollback();
            db.setAutoCommit(autoCommit);
        }
    }
}
