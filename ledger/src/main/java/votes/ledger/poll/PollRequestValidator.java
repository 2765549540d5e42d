package votes.ledger.poll;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import votes.events.poll.PollRequest;

/**
 * The API's rules for a new poll: a function from a request to what is wrong with it. The length limits are
 * configuration (ledger.poll.*): every title and label is stored, logged to poll-events, served to every viewer of
 * the results and exported, so an unbounded one is a cheap way to make all of those heavy.
 */
@ApplicationScoped
public class PollRequestValidator {

    public static final int MIN_OPTIONS = 2;
    private static final Pattern OPTION_ID = Pattern.compile("[a-z0-9-]{1,40}");
    /**
     * Titles and labels are one line of text for people. A NUL in particular is no PostgreSQL text: such a poll was
     * appended to poll-events and then failed to store (500), and the ledger's fold of poll-events stalled on it.
     */
    private static final String NO_CONTROL = "%s must not contain control characters (tab, newline, NUL...)";

    private final int maxTitleLength;
    private final int maxLabelLength;
    private final int maxOptions;

    public PollRequestValidator(@ConfigProperty(name = "ledger.poll.max-title-length") int maxTitleLength,
                                @ConfigProperty(name = "ledger.poll.max-label-length") int maxLabelLength,
                                @ConfigProperty(name = "ledger.poll.max-options") int maxOptions) {
        this.maxTitleLength = maxTitleLength;
        this.maxLabelLength = maxLabelLength;
        this.maxOptions = maxOptions;
    }

    /** @return every violation, in a stable order; empty when the request may become a poll */
    public List<String> violations(PollRequest request) {
        List<String> violations = new ArrayList<>();
        if (request == null) {
            violations.add("a JSON body with title and options is required");
            return violations;
        }
        String title = request.title();
        if (title == null || title.isBlank()) {
            violations.add("title is required");
        } else if (title.length() > maxTitleLength) {
            violations.add("title must be at most " + maxTitleLength + " characters, not " + title.length());
        } else if (hasControlCharacter(title)) {
            violations.add(NO_CONTROL.formatted("title"));
        }
        checkOptions(request.options(), violations);
        if (request.opensAt() != null && request.closesAt() != null && !request.closesAt().isAfter(request.opensAt())) {
            violations.add("closesAt must be after opensAt");
        }
        return violations;
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    private void checkOptions(List<PollRequest.OptionRequest> options, List<String> violations) {
        if (options == null || options.size() < MIN_OPTIONS || options.size() > maxOptions) {
            violations.add("options must hold " + MIN_OPTIONS + " to " + maxOptions + " entries");
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
            String label = option.label();
            if (label == null || label.isBlank()) {
                violations.add("options[" + i + "].label is required");
            } else if (label.length() > maxLabelLength) {
                violations.add("options[" + i + "].label must be at most " + maxLabelLength + " characters, not "
                        + label.length());
            } else if (hasControlCharacter(label)) {
                violations.add(NO_CONTROL.formatted("options[" + i + "].label"));
            }
        }
    }
}
