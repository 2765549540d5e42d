package votes.kit.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem: a typed error with a human detail and, for some types, extra members (for example
 * {@code existingReceiptId} on a duplicate vote).
 */
public record Problem(ProblemType type, String detail, Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type, detail, Map.of());
    }

    public Problem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(type, detail, more);
    }

    public int status() {
        return type.status();
    }

    /** The JSON body: the standard members first, then the extensions at the top level as RFC 9457 wants. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.uri());
        body.put("title", type.title());
        body.put("status", type.status());
        if (detail != null) {
            body.put("detail", detail);
        }
        extensions.forEach(body::putIfAbsent);
        return body;
    }
}
