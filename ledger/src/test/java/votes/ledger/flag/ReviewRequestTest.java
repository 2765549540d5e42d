package votes.ledger.flag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReviewRequestTest {

    private static final int MAX_NOTE = 10;

    @Test
    void confirmAndDismissWithOrWithoutANoteAreDecidable() {
        assertThat(ReviewRequest.violations(new ReviewRequest("confirm", null), MAX_NOTE)).isEmpty();
        assertThat(ReviewRequest.violations(new ReviewRequest("dismiss", "0123456789"), MAX_NOTE)).isEmpty();
        assertThat(new ReviewRequest("confirm", null).confirms()).isTrue();
        assertThat(new ReviewRequest("dismiss", null).confirms()).isFalse();
    }

    @Test
    void aMissingBodyAnUnknownDecisionALongNoteAndANulAreEachNamed() {
        assertThat(ReviewRequest.violations(null, MAX_NOTE)).hasSize(1);
        assertThat(ReviewRequest.violations(new ReviewRequest("CONFIRM", null), MAX_NOTE))
                .containsExactly("decision must be \"confirm\" or \"dismiss\"");
        assertThat(ReviewRequest.violations(new ReviewRequest(null, "01234567890\u0000"), MAX_NOTE))
                .hasSize(3);
    }
}
