package votes.k8s.network;

import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;

/**
 * The table of allowed flows in k8s/README.md, between {@code <!-- flows:start -->} and {@code <!-- flows:end -->}:
 * {@code | from | to | port | why |}, one row per flow, several ports comma-separated.
 */
final class FlowTable {

    static final Comparator<Flow> ORDER = Comparator.comparing(Flow::from).thenComparing(Flow::to)
            .thenComparing(Flow::port);
    private static final String START = "<!-- flows:start -->";
    private static final String END = "<!-- flows:end -->";

    private FlowTable() {
    }

    static Set<Flow> read(String readme) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("README.md has no " + START + " ... " + END + " table");
        }
        Set<Flow> flows = new TreeSet<>(ORDER);
        for (String line : readme.substring(start + START.length(), end).split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length < 5 || cells[1].isBlank() || cells[1].trim().equals("from") || cells[1].contains("---")) {
                continue;
            }
            String from = unquote(cells[1]);
            String to = unquote(cells[2]);
            for (String port : cells[3].split(",")) {
                flows.add(new Flow(from, to, port.trim()));
            }
        }
        return flows;
    }

    private static String unquote(String cell) {
        return cell.trim().replace("`", "");
    }
}
