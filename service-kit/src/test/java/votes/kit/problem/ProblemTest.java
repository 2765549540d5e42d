package votes.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void bodyHasTheStandardMembersAndTheSlugTypeUri() {
        assertThat(Problem.of(ProblemType.POLL_NOT_OPEN, "closed at 21:00").body())
                .containsEntry("type", "https://votes.dev/problems/poll-not-open")
                .containsEntry("title", "The poll is not open")
                .containsEntry("status", 422)
                .containsEntry("detail", "closed at 21:00");
    }

    @Test
    void extensionsSitAtTheTopLevelAndCannotOverrideStandardMembers() {
        Problem duplicate = Problem.of(ProblemType.DUPLICATE_VOTE, null)
                .with("existingReceiptId", "r-1")
                .with("status", 200);
        assertThat(duplicate.body())
                .containsEntry("existingReceiptId", "r-1")
                .containsEntry("status", 409)
                .doesNotContainKey("detail");
    }

    @Test
    void everyHttpStatusWeRaiseMapsToATypeWithThatStatus() {
        for (int status : new int[] {400, 401, 403, 404, 405, 406, 413, 414, 415, 429, 431, 502, 503}) {
            assertThat(ProblemType.forStatus(status).status()).isEqualTo(status);
        }
        assertThat(ProblemType.forStatus(418)).isEqualTo(ProblemType.INTERNAL_ERROR);
    }
}
