package votes.system.fuzz;

import static votes.system.fuzz.Bodies.utf8;


/**
 * Bodies for {@code POST /api/v1/polls}: each breaks at least one of the ledger's rules for sure (so no poll is ever
 * created), and many carry something hostile in another field as well, which the ledger parses before it validates.
 */
final class PollBodies {

    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String TWO = "[{\"id\":\"a\",\"label\":\"A\"},{\"id\":\"b\",\"label\":\"B\"}]";

    private PollBodies() {
    }

    static Gen<byte[]> hostile() {
        return Gen.oneOf(
                Gen.combine(brokenRule(), hostileExtra(), (rule, extra) -> utf8(rule + extra + "}")),
                oversized(),
                Bodies.hostileJson());
    }

    /** An object missing its closing brace whose fields break a rule; the caller closes it. */
    private static Gen<String> brokenRule() {
        Gen<String> text = Gen.strings(Gen.chars(ALPHANUMERIC + " <>'\"=+-@\t"), 1, 30).map(PollBodies::quoted);
        return Gen.oneOf(
                text.map(title -> "{\"title\":" + title + ",\"options\":[{\"id\":\"a\",\"label\":\"A\"}]"),
                Gen.of("", " ", "\\t\\n").map(blank -> "{\"title\":\"" + blank + "\",\"options\":" + TWO),
                Gen.strings(Gen.anyChar(), 201, 3000).map(PollBodies::quoted)
                        .map(title -> "{\"title\":" + title + ",\"options\":" + TWO),
                Gen.strings(Gen.anyChar(), 101, 3000).map(PollBodies::quoted)
                        .map(label -> "{\"title\":\"t\",\"options\":[{\"id\":\"a\",\"label\":\"A\"},{\"id\":\"b\",\"label\":"
                                + label + "}]"),
                Gen.ints(65, 300).map(PollBodies::manyOptions),
                Gen.of("A", "a b", "", "x".repeat(41), "=1+1", "é", "a/../b")
                        .map(id -> "{\"title\":\"t\",\"options\":[{\"id\":\"a\",\"label\":\"A\"},{\"id\":" + quoted(id)
                                + ",\"label\":\"B\"}]"),
                Gen.constant("{\"title\":\"t\",\"options\":[{\"id\":\"a\",\"label\":\"A\"},{\"id\":\"a\",\"label\":\"B\"}]"),
                Gen.constant("{\"title\":\"t\",\"options\":" + TWO
                        + ",\"opensAt\":\"2030-01-01T12:00:00Z\",\"closesAt\":\"2030-01-01T11:00:00Z\""),
                Gen.of("null", "{}", "\"a,b\"", "[null,null]", "[[],[]]", "[1,2]")
                        .map(options -> "{\"title\":\"t\",\"options\":" + options));
    }

    /** A further field that is odd in itself (the rule above already makes the body invalid). */
    private static Gen<String> hostileExtra() {
        return Gen.oneOf(
                Gen.constant(""),
                Gen.combine(Gen.of("1e30", "-1e30", "99999999999999999999999999", "-9223372036854775809", "1.5e-400",
                                "\"tomorrow\"", "\"+999999999-12-31T23:59:59Z\"", "\"2030-02-30T00:00:00Z\"", "[]", "{}",
                                "\"\\u0000\"", "true"), Gen.of("opensAt", "closesAt"),
                        (value, field) -> ",\"" + field + "\":" + value),
                Gen.ints(10, Bodies.MAX_DEPTH).map(n -> ",\"x\":" + "[".repeat(n) + "]".repeat(n)),
                Gen.strings(Gen.charRange('0', '9'), 500, 4000).map(d -> ",\"x\":" + d));
    }

    /** Over the ledger's 16 KiB limit (413 before it is read) or Vert.x's 64 KiB. */
    private static Gen<byte[]> oversized() {
        return Gen.ints(16 * 1024 + 1, 80 * 1024)
                .map(n -> utf8("{\"title\":\"t\",\"options\":[{\"id\":\"a\",\"label\":\"A\"}],\"pad\":\"" + "p".repeat(n) + "\"}"));
    }

    private static String manyOptions(int count) {
        StringBuilder options = new StringBuilder("{\"title\":\"t\",\"options\":[");
        for (int i = 0; i < count; i++) {
            options.append(i == 0 ? "" : ",").append("{\"id\":\"o").append(i).append("\",\"label\":\"O\"}");
        }
        return options.append(']').toString();
    }

    /** A JSON string literal of any text, control characters and quotes escaped. */
    static String quoted(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
