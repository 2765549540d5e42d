package votes.proofs.merkle;

/**
 * Hashes of complete subtrees: {@code node(level, index)} is the root of the perfect subtree over leaves
 * {@code [index << level, (index + 1) << level)}. Those never change once the leaves exist, which is what lets a
 * log store them once and answer proofs for any older tree size.
 */
@FunctionalInterface
public interface NodeSource {

    byte[] node(int level, long index);
}
