package votes.infra.rebuild;

import java.util.ArrayList;
import java.util.List;

/**
 * One comparison of the rebuilt ledger with the original: what was compared, whether it holds, a one-line summary,
 * and the first differences (or, when it holds, notes on what was compared how).
 */
public record Check(String title, boolean holds, String summary, List<String> details) {

    /** Lines listed per check at most; the rest is counted. */
    static final int SHOWN = 5;

    static Check of(String title, String summary, List<String> differences, List<String> notes) {
        return new Check(title, differences.isEmpty(), summary, shown(differences.isEmpty() ? notes : differences));
    }

    private static List<String> shown(List<String> lines) {
        if (lines.size() <= SHOWN) {
            return List.copyOf(lines);
        }
        List<String> shown = new ArrayList<>(lines.subList(0, SHOWN));
        shown.add("… and " + (lines.size() - SHOWN) + " more");
        return List.copyOf(shown);
    }
}
