package votes.ledger.poll;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import votes.events.poll.PollRequest;

/** The API's rules for a new poll: a pure function from a request to what is wrong with it. */
public final class PollRequestValidator {

    public static final int MIN_OPTIONS = 2;
    public static final int MAX_OPTIONS = 64;
    public static final int MAX_TITLE_LENGTH = 200;
    private static final Pattern OPTION_ID = Pattern.compile("[a-z0-9-]{1,40}");

    private PollRequestValidator() {
    }

    /** @return every violation, in a stable order; empty when the request may become a poll */
    public static List<String> violations(PollRequest request) {
        List<String> violations = new ArrayList<>();
        if (request == null) {
            violations.add("a JSON body with title and options is required");
            return violations;
        }
        String title = request.title();
        if (title == null || title.isBlank()) {
            violations.add("title is required");
        } else if (title.length() > MAX_TITLE_LENGTH) {
            violations.add("title must be at most " + MAX_TITLE_LENGTH + " characters");
        }
        checkOptions(request.options(), violations);
        if (request.opensAt() != null && request.closesAt() != null && !request.closesAt().isAfter(request.opensAt())) {
            violations.add("closesAt must be after opensAt");
        }
        return violations;
    }

    private static void checkOptions(List<PollRequest.OptionRequest> options, List<String> violations) {
        if (options == null || options.size() < MIN_OPTIONS || options.size() > MAX_OPTIONS) {
            violations.add("options must hold " + MIN_OPTIONS + " to " + MAX_OPTIONS + " entries");
            if (options == null) {
                return;
            }
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            PollRequest.OptionRequest option = options.get(i);
            if (option == null) {
                violations.add("options[" + i + "] is null");
                continue;
            }
            if (option.id() == null || !OPTION_ID.matcher(option.id()).matches()) {
                violations.add("options[" + i + "].id must match [a-z0-9-]{1,40}");
            } else if (!seen.add(option.id())) {
                violations.add("options[" + i + "].id '" + option.id() + "' is not unique");
            }
            if (option.label() == null || option.label().isBlank()) {
                violations.add("options[" + i + "].label is required");
            }
        }
    }
}
