package votes.events.vote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ClientHashesTest {

    @Test
    void equalFactsGiveEqualHashesUnderOneKey() {
        assertThat(new ClientHashes("key-a").of("10.0.0.1")).isEqualTo(new ClientHashes("key-a").of("10.0.0.1"))
                .isNotEqualTo(new ClientHashes("key-a").of("10.0.0.2"));
    }

    @Test
    void theHashIsKeyedSoABareHashOfTheAddressDoesNotMatchIt() throws Exception {
        String bare = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("10.0.0.1".getBytes(StandardCharsets.UTF_8)));
        assertThat(new ClientHashes("key-a").of("10.0.0.1")).hasSize(64).isNotEqualTo(bare)
                .isNotEqualTo(new ClientHashes("key-b").of("10.0.0.1"));
    }

    @Test
    void matchesRfc4231HmacSha256TestCase2() {
        assertThat(new ClientHashes("Jefe").of("what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void nothingToHashIsNullAndAnEmptyKeyIsRefused() {
        assertThat(new ClientHashes("key-a").of(null)).isNull();
        assertThat(new ClientHashes("key-a").of("")).isNull();
        assertThatThrownBy(() -> new ClientHashes("")).isInstanceOf(IllegalArgumentException.class);
    }
}
