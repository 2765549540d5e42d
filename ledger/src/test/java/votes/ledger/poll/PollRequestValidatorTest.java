package votes.ledger.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import votes.events.poll.PollRequest;
import votes.events.poll.PollRequest.OptionRequest;

class PollRequestValidatorTest {

    private static final Instant NOON = Instant.parse("2026-11-21T12:00:00Z");
    private static final List<OptionRequest> TWO = List.of(new OptionRequest("a", "A"), new OptionRequest("b", "B"));

    @Test
    void wellFormedPollHasNoViolations() {
        assertThat(PollRequestValidator.violations(new PollRequest("Lunch?", TWO, NOON, NOON.plusSeconds(60)))).isEmpty();
    }

    @Test
    void pollWithoutWindowIsAccepted() {
        assertThat(PollRequestValidator.violations(new PollRequest("Lunch?", TWO, null, null))).isEmpty();
    }

    @Test
    void missingBodyIsRefused() {
        assertThat(PollRequestValidator.violations(null)).hasSize(1);
    }

    @Test
    void blankOrOverlongTitleIsRefused() {
        assertThat(PollRequestValidator.violations(new PollRequest(" ", TWO, null, null)))
                .containsExactly("title is required");
        assertThat(PollRequestValidator.violations(new PollRequest("x".repeat(201), TWO, null, null)))
                .containsExactly("title must be at most 200 characters");
        assertThat(PollRequestValidator.violations(new PollRequest("x".repeat(200), TWO, null, null))).isEmpty();
    }

    @Test
    void fewerThanTwoOrMoreThanSixtyFourOptionsAreRefused() {
        assertThat(PollRequestValidator.violations(new PollRequest("t", List.of(new OptionRequest("a", "A")), null, null)))
                .containsExactly("options must hold 2 to 64 entries");
        assertThat(PollRequestValidator.violations(new PollRequest("t", options(65), null, null)))
                .containsExactly("options must hold 2 to 64 entries");
        assertThat(PollRequestValidator.violations(new PollRequest("t", options(64), null, null))).isEmpty();
        assertThat(PollRequestValidator.violations(new PollRequest("t", null, null, null)))
                .containsExactly("options must hold 2 to 64 entries");
    }

    @Test
    void optionIdsMustBeShortLowercaseSlugs() {
        List<OptionRequest> bad = List.of(new OptionRequest("A", "upper"), new OptionRequest("b c", "space"),
                new OptionRequest("x".repeat(41), "long"), new OptionRequest("", "empty"), new OptionRequest("ok-1", "fine"));
        assertThat(PollRequestValidator.violations(new PollRequest("t", bad, null, null)))
                .containsExactly("options[0].id must match [a-z0-9-]{1,40}", "options[1].id must match [a-z0-9-]{1,40}",
                        "options[2].id must match [a-z0-9-]{1,40}", "options[3].id must match [a-z0-9-]{1,40}");
    }

    @Test
    void repeatedOptionIdIsRefused() {
        List<OptionRequest> twice = List.of(new OptionRequest("a", "A"), new OptionRequest("a", "again"));
        assertThat(PollRequestValidator.violations(new PollRequest("t", twice, null, null)))
                .containsExactly("options[1].id 'a' is not unique");
    }

    @Test
    void blankLabelOrNullOptionIsRefused() {
        List<OptionRequest> options = new ArrayList<>(List.of(new OptionRequest("a", " ")));
        options.add(null);
        assertThat(PollRequestValidator.violations(new PollRequest("t", options, null, null)))
                .containsExactly("options[0].label is required", "options[1] is null");
    }

    @Test
    void closeMustComeAfterOpen() {
        assertThat(PollRequestValidator.violations(new PollRequest("t", TWO, NOON, NOON)))
                .containsExactly("closesAt must be after opensAt");
        assertThat(PollRequestValidator.violations(new PollRequest("t", TWO, NOON, NOON.minusSeconds(1))))
                .containsExactly("closesAt must be after opensAt");
    }

    private static List<OptionRequest> options(int count) {
        return IntStream.range(0, count).mapToObj(i -> new OptionRequest("o" + i, "Option " + i)).toList();
    }
}
