package votes.ledger.flag;

import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /api/v1/flags/{flagId}/review}: {@code {"decision": "confirm"|"dismiss", "note": "..."}}.
 *
 * @param note optional; stored with the decision, and a confirm's void reason quotes it
 */
public record ReviewRequest(String decision, String note) {

    public static final String CONFIRM = "confirm";
    public static final String DISMISS = "dismiss";

    /** Every way the request is malformed; empty when it can be decided. */
    public static List<String> violations(ReviewRequest request, int maxNoteLength) {
        List<String> violations = new ArrayList<>(2);
        if (request == null) {
            violations.add("a body {\"decision\": \"confirm\"|\"dismiss\", \"note\": \"...\"} is required");
            return violations;
        }
        if (!CONFIRM.equals(request.decision()) && !DISMISS.equals(request.decision())) {
            violations.add("decision must be \"confirm\" or \"dismiss\"");
        }
        String note = request.note();
        if (note != null && note.length() > maxNoteLength) {
            violations.add("note is longer than " + maxNoteLength + " characters");
        }
        // PostgreSQL's text cannot hold U+0000.
        if (note != null && note.indexOf('\u0000') >= 0) {
            violations.add("note holds a NUL character");
        }
        return violations;
    }

    public boolean confirms() {
        return CONFIRM.equals(decision);
    }
}
