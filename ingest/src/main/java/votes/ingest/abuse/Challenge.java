package votes.ingest.abuse;

/**
 * How to earn a vote when the abuse defense asks for proof of work (the {@code challenge} member of a
 * 403 challenge-required): find a string {@code proof} such that SHA-256 of {@code nonce + ":" + proof}
 * starts with {@code difficulty} zero bits, and send it in the {@code header}.
 */
public record Challenge(String algorithm, int difficulty, String nonce, String header, String format) {

    public static final String HEADER = "X-Vote-Proof";

    static Challenge of(int difficulty, String nonce) {
        return new Challenge("sha256", difficulty, nonce, HEADER,
                "sha256(nonce + \":\" + proof) has `difficulty` leading zero bits");
    }
}
