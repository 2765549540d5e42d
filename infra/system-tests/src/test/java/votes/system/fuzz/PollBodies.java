package votes.system.fuzz;

import static votes.system.fuzz.Bodies.utf8;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Bodies for {@code POST /api/v1/polls}: each breaks at least one of the ledger's rules for sure (so no poll is ever
 * created), and many carry something hostile in another field as well, which the ledger parses before it validates.
 */
final class PollBodies {

    private static final String TWO = "[{\"id\":\"a\",\"label\":\"A\"},{\"id\":\"b\",\"label\":\"B\"}]";

    private PollBodies() {
    }

    static Arbitrary<byte[]> hostile() {
        return Arbitraries.oneOf(
                Combinators.combine(brokenRule(), hostileExtra()).as((rule, extra) -> utf8(rule + extra + "}")),
                oversized(),
                Bodies.hostileJson());
    }

    /** An object missing its closing brace whose fields break a rule; the caller closes it. */
    private static Arbitrary<String> brokenRule() {
        Arbitrary<String> text = Arbitraries.strings().alpha().numeric().withChars(" <>'\"=+-@\t").ofMinLength(1)
                .ofMaxLength(30).map(PollBodies::quoted);
        return Arbitraries.oneOf(
                text.map(title -> "{\"title\":" + title + ",\"options\":[{\"id\":\"a\",\"label\":\"A\"}]"),
                Arbitraries.of("", " ", "\\t\\n").map(blank -> "{\"title\":\"" + blank + "\",\"options\":" + TWO),
                Arbitraries.strings().ofMinLength(201).ofMaxLength(3000).map(PollBodies::quoted)
                        .map(title -> "{\"title\":" + title + ",\"options\":" + TWO),
                Arbitraries.strings().ofMinLength(101).ofMaxLength(3000).map(PollBodies::quoted)
                        .map(label -> "{\"title\":\"t\",\"options\":[{\"id\":\"a\",\"label\":\"A\"},{\"id\":\"b\",\"label\":"
                                + label + "}]"),
                Arbitraries.integers().between(65, 300).map(PollBodies::manyOptions),
                Arbitraries.of("A", "a b", "", "x".repeat(41), "=1+1", "é", "a/../b")
                        .map(id -> "{\"title\":\"t\",\"options\":[{\"id\":\"a\",\"label\":\"A\"},{\"id\":" + quoted(id)
                                + ",\"label\":\"B\"}]"),
                Arbitraries.just("{\"title\":\"t\",\"options\":[{\"id\":\"a\",\"label\":\"A\"},{\"id\":\"a\",\"label\":\"B\"}]"),
                Arbitraries.just("{\"title\":\"t\",\"options\":" + TWO
                        + ",\"opensAt\":\"2030-01-01T12:00:00Z\",\"closesAt\":\"2030-01-01T11:00:00Z\""),
                Arbitraries.of("null", "{}", "\"a,b\"", "[null,null]", "[[],[]]", "[1,2]")
                        .map(options -> "{\"title\":\"t\",\"options\":" + options));
    }

    /** A further field that is odd in itself (the rule above already makes the body invalid). */
    private static Arbitrary<String> hostileExtra() {
        return Arbitraries.oneOf(
                Arbitraries.just(""),
                Arbitraries.of("1e30", "-1e30", "99999999999999999999999999", "-9223372036854775809", "1.5e-400",
                                "\"tomorrow\"", "\"+999999999-12-31T23:59:59Z\"", "\"2030-02-30T00:00:00Z\"", "[]", "{}",
                                "\"\\u0000\"", "true")
                        .flatMap(value -> Arbitraries.of("opensAt", "closesAt").map(field -> ",\"" + field + "\":" + value)),
                Arbitraries.integers().between(10, Bodies.MAX_DEPTH).map(n -> ",\"x\":" + "[".repeat(n) + "]".repeat(n)),
                Arbitraries.strings().numeric().ofMinLength(500).ofMaxLength(4000).map(d -> ",\"x\":" + d));
    }

    /** Over the ledger's 16 KiB limit (413 before it is read) or Vert.x's 64 KiB. */
    private static Arbitrary<byte[]> oversized() {
        return Arbitraries.integers().between(16 * 1024 + 1, 80 * 1024)
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
