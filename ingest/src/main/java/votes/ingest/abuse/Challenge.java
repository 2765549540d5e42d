package votes.ingest.abuse;

import votes.events.challenge.ChallengeRequired;

/**
 * How to earn a vote when the abuse defense asks for proof of work (the {@code challenge} member of a
 * 403 challenge-required): find a string {@code proof} such that SHA-256 of {@code nonce + ":" + proof}
 * starts with {@code difficulty} zero bits, and send it in the {@code header}, with the nonce itself in
 * {@code nonceHeader} (the nonce carries its issue time and difficulty, so the server needs no state to check it).
 */
public record Challenge(String algorithm, int difficulty, String nonce, String header, String format,
                        String nonceHeader) {

    static Challenge of(int difficulty, String nonce) {
        return new Challenge("sha256", difficulty, nonce, ChallengeRequired.PROOF_HEADER,
                "sha256(nonce + \":\" + proof) has `difficulty` leading zero bits", ChallengeRequired.NONCE_HEADER);
    }
}
