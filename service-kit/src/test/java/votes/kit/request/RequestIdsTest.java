package votes.kit.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    /** The rule as it was written before the loop: the loop must judge every id the same. */
    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Test
    void keepsTheIdsTheRuleAllowsAndRefusesTheRest() {
        List<String> ids = new ArrayList<>(List.of("", "a", "Z", "0", "9", ".", "_", ":", "-",
                UUID.randomUUID().toString(), "abc def", "id\r\nX-Forged: 1", "id/1", "id+1", "ïd", "id\u0000",
                "\u0660", "日本", "a".repeat(128), "a".repeat(129), "`", "@", "[", "{", "/", "!"));
        for (char c = 0; c < 0x180; c++) {
            ids.add("x" + c);
        }
        for (String id : ids) {
            assertThat(RequestIds.sane(id)).as("'%s'", id).isEqualTo(RULE.matcher(id).matches());
        }
    }

    @Test
    void noIdIsNotSane() {
        assertThat(RequestIds.sane(null)).isFalse();
    }

    @Test
    void aFreshIdIsAUuidThatTheRuleKeeps() {
        String id = RequestIds.fresh();
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(RequestIds.sane(id)).isTrue();
        assertThat(RequestIds.fresh()).isNotEqualTo(id);
    }
}
