package votes.perf.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoopbackOnlyTest {

    @Test
    void acceptsLoopbackTargets() {
        assertThat(LoopbackOnly.check("http://127.0.0.1:8081").getPort()).isEqualTo(8081);
        assertThat(LoopbackOnly.check("http://localhost:8080/").getHost()).isEqualTo("localhost");
    }

    @Test
    void refusesAnyOtherHost() {
        assertThatThrownBy(() -> LoopbackOnly.check("http://10.0.0.5:8081")).hasMessageContaining("only 127.0.0.1");
        assertThatThrownBy(() -> LoopbackOnly.check("http://example.com")).hasMessageContaining("only 127.0.0.1");
        assertThatThrownBy(() -> LoopbackOnly.check("https://127.0.0.1")).isInstanceOf(IllegalArgumentException.class);
    }
}
