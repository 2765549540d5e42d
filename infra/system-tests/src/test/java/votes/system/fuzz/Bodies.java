package votes.system.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Hostile JSON bodies: malformed, deeply nested, huge numbers and strings, invalid UTF-8. None is a valid vote (a
 * filter makes sure), so whatever reaches a vote endpoint with a good token must still be refused.
 */
final class Bodies {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** ingest's rule for an option id; a body whose optionId matches it could be a real vote. */
    private static final Pattern OPTION_ID = Pattern.compile("[a-z0-9-]{1,40}");
    static final int MAX_DEPTH = 4000;

    private Bodies() {
    }

    static Gen<byte[]> hostileJson() {
        return Gen.oneOf(truncated(), nested(), hugeNumber(), hugeString(), invalidUtf8(), wrongType(), junkText())
                .filter(body -> !couldBeAVote(body));
    }

    static Gen<byte[]> truncated() {
        String whole = "{\"optionId\":\"a\",\"extra\":[1,2,{\"x\":null}]}";
        return Gen.ints(0, whole.length() - 1).map(n -> utf8(whole.substring(0, n)));
    }

    static Gen<byte[]> nested() {
        Gen<Integer> depth = Gen.ints(2, MAX_DEPTH);
        return Gen.oneOf(
                depth.map(n -> utf8("[".repeat(n) + "]".repeat(n))),
                depth.map(n -> utf8("{\"optionId\":" + "{\"a\":".repeat(n) + "1" + "}".repeat(n) + "}")),
                depth.map(n -> utf8("[".repeat(n))),
                depth.map(n -> utf8("{\"optionId\":\"a\"" + "}".repeat(n))));
    }

    static Gen<byte[]> hugeNumber() {
        Gen<String> digits = Gen.strings(Gen.charRange('0', '9'), 20, 5000);
        return Gen.oneOf(
                digits.map(d -> utf8("{\"optionId\":" + d + "}")),
                digits.map(d -> utf8("{\"optionId\":-" + d + "." + d + "e" + d + "}")),
                Gen.of("1e999999999", "-1e-999999999", "NaN", "Infinity", "0x10", "1_000", "9".repeat(400))
                        .map(n -> utf8("{\"optionId\":" + n + "}")));
    }

    static Gen<byte[]> hugeString() {
        return Gen.strings(Gen.charRange('a', 'z'), 41, 6000).map(s -> utf8("{\"optionId\":\"" + s + "\"}"));
    }

    /** Lone continuation bytes, overlong forms, surrogates, 0xFF: what no UTF-8 decoder may accept. */
    static Gen<byte[]> invalidUtf8() {
        Gen<byte[]> bad = Gen.of(new byte[] {(byte) 0xc3, 0x28}, new byte[] {(byte) 0xff},
                new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {(byte) 0xc0, (byte) 0xaf},
                new byte[] {(byte) 0x80}, new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xe2, (byte) 0x82});
        return Gen.combine(bad, Gen.ints(0, 2), (bytes, where) -> switch (where) {
            case 0 -> concat(utf8("{\"optionId\":\"a"), bytes, utf8("\"}"));
            case 1 -> concat(utf8("{\""), bytes, utf8("\":\"a\"}"));
            default -> concat(bytes, utf8("{\"optionId\":\"a\"}"));
        });
    }

    static Gen<byte[]> wrongType() {
        return Gen.of("[\"a\"]", "{\"optionId\":[\"a\"]}", "{\"optionId\":{\"id\":\"a\"}}", "{\"optionId\":true}",
                        "{\"optionId\":null}", "{}", "null", "\"a\"", "42", "{\"optionId\":\"A\"}", "{\"optionId\":\"\"}",
                        "{\"optionId\":\"a b\"}", "{\"optionId\":\"a\\u0000\"}", "{\"optionId\":\"\\ud800\"}",
                        "{\"OPTIONID\":\"a\"}", "{\"optionId\":\"=cmd|' /C calc'!A0\"}")
                .map(Bodies::utf8);
    }

    static Gen<byte[]> junkText() {
        return Gen.strings(Gen.anyChar(), 0, 300).map(Bodies::utf8);
    }

    /** True when the body is a JSON object whose optionId ingest would take: never sent with a good token. */
    static boolean couldBeAVote(byte[] body) {
        try {
            JsonNode tree = JSON.readTree(body);
            JsonNode option = tree == null ? null : tree.get("optionId");
            return tree != null && tree.isObject() && option != null && option.isTextual()
                    && OPTION_ID.matcher(option.textValue()).matches();
        } catch (Exception notJson) {
            return false;
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
