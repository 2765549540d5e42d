package votes.proofs.merkle;

import java.nio.charset.StandardCharsets;

/** The one leaf encoding: each field as a 4-byte big-endian length and its UTF-8 text, so no field can forge another. */
final class LeafFields {

    private LeafFields() {
    }

    /**
     * Written into one array of the exact size: the ledger encodes a leaf per vote, and a catch-up's profile showed a
     * growing stream and a {@code ByteBuffer} per field among its larger allocations.
     */
    static byte[] encode(String... fields) {
        byte[][] texts = new byte[fields.length][];
        int size = 0;
        for (int i = 0; i < fields.length; i++) {
            texts[i] = fields[i].getBytes(StandardCharsets.UTF_8);
            size += Integer.BYTES + texts[i].length;
        }
        byte[] out = new byte[size];
        int at = 0;
        for (byte[] text : texts) {
            int length = text.length;
            out[at++] = (byte) (length >>> 24);
            out[at++] = (byte) (length >>> 16);
            out[at++] = (byte) (length >>> 8);
            out[at++] = (byte) length;
            System.arraycopy(text, 0, out, at, length);
            at += length;
        }
        return out;
    }
}
