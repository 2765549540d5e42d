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
    /** The defaults of application.properties. */
    private static final PollRequestValidator RULES = new PollRequestValidator(200, 100, 64);
    private static final List<OptionRequest> TWO = List.of(new OptionRequest("a", "A"), new OptionRequest("b", "B"));

    @Test
    void wellFormedPollHasNoViolations() {
        assertThat(RULES.violations(new PollRequest("Lunch?", TWO, NOON, NOON.plusSeconds(60)))).isEmpty();
    }

    @Test
    void pollWithoutWindowIsAccepted() {
        assertThat(RULES.violations(new PollRequest("Lunch?", TWO, null, null))).isEmpty();
    }

    @Test
    void missingBodyIsRefused() {
        assertThat(RULES.violations(null)).hasSize(1);
    }

    @Test
    void blankOrOverlongTitleIsRefused() {
        assertThat(RULES.violations(new PollRequest(" ", TWO, null, null)))
                .containsExactly("title is required");
        assertThat(RULES.violations(new PollRequest("x".repeat(201), TWO, null, null)))
                .containsExactly("title must be at most 200 characters, not 201");
        assertThat(RULES.violations(new PollRequest("x".repeat(200), TWO, null, null))).isEmpty();
    }

    @Test
    void fewerThanTwoOrMoreThanSixtyFourOptionsAreRefused() {
        assertThat(RULES.violations(new PollRequest("t", List.of(new OptionRequest("a", "A")), null, null)))
                .containsExactly("options must hold 2 to 64 entries");
        assertThat(RULES.violations(new PollRequest("t", options(65), null, null)))
                .containsExactly("options must hold 2 to 64 entries");
        assertThat(RULES.violations(new PollRequest("t", options(64), null, null))).isEmpty();
        assertThat(RULES.violations(new PollRequest("t", null, null, null)))
                .containsExactly("options must hold 2 to 64 entries");
    }

    @Test
    void optionIdsMustBeShortLowercaseSlugs() {
        List<OptionRequest> bad = List.of(new OptionRequest("A", "upper"), new OptionRequest("b c", "space"),
                new OptionRequest("x".repeat(41), "long"), new OptionRequest("", "empty"), new OptionRequest("ok-1", "fine"));
        assertThat(RULES.violations(new PollRequest("t", bad, null, null)))
                .containsExactly("options[0].id must match [a-z0-9-]{1,40}", "options[1].id must match [a-z0-9-]{1,40}",
                        "options[2].id must match [a-z0-9-]{1,40}", "options[3].id must match [a-z0-9-]{1,40}");
    }

    @Test
    void repeatedOptionIdIsRefused() {
        List<OptionRequest> twice = List.of(new OptionRequest("a", "A"), new OptionRequest("a", "again"));
        assertThat(RULES.violations(new PollRequest("t", twice, null, null)))
                .containsExactly("options[1].id 'a' is not unique");
    }

    @Test
    void blankLabelOrNullOptionIsRefused() {
        List<OptionRequest> options = new ArrayList<>(List.of(new OptionRequest("a", " ")));
        options.add(null);
        assertThat(RULES.violations(new PollRequest("t", options, null, null)))
                .containsExactly("options[0].label is required", "options[1] is null");
    }

    @Test
    void overlongLabelIsRefusedWithItsLength() {
        List<OptionRequest> options = List.of(new OptionRequest("a", "x".repeat(100)), new OptionRequest("b", "y".repeat(101)));
        assertThat(RULES.violations(new PollRequest("t", options, null, null)))
                .containsExactly("options[1].label must be at most 100 characters, not 101");
    }

    @Test
    void controlCharactersInTitleOrLabelAreRefused() {
        List<OptionRequest> options = List.of(new OptionRequest("a", "A\u0000"), new OptionRequest("b", "B\tb"));
        assertThat(RULES.violations(new PollRequest("Lunch\n?", options, null, null))).containsExactly(
                "title must not contain control characters (tab, newline, NUL...)",
                "options[0].label must not contain control characters (tab, newline, NUL...)",
                "options[1].label must not contain control characters (tab, newline, NUL...)");
    }

    @Test
    void limitsComeFromTheConfiguration() {
        PollRequestValidator strict = new PollRequestValidator(5, 3, 2);
        List<OptionRequest> three = List.of(new OptionRequest("a", "A"), new OptionRequest("b", "Bbbb"),
                new OptionRequest("c", "C"));
        assertThat(strict.violations(new PollRequest("Lunch?", three, null, null))).containsExactly(
                "title must be at most 5 characters, not 6", "options must hold 2 to 2 entries",
                "options[1].label must be at most 3 characters, not 4");
    }

    @Test
    void closeMustComeAfterOpen() {
        assertThat(RULES.violations(new PollRequest("t", TWO, NOON, NOON)))
                .containsExactly("closesAt must be after opensAt");
        assertThat(RULES.violations(new PollRequest("t", TWO, NOON, NOON.minusSeconds(1))))
                .containsExactly("closesAt must be after opensAt");
    }

    private static List<OptionRequest> options(int count) {
        return IntStream.range(0, count).mapToObj(i -> new OptionRequest("o" + i, "Option " + i)).toList();
    }
}
