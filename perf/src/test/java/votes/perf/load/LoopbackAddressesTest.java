package votes.perf.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoopbackAddressesTest {

    @Test
    void plainAddressesStayAsTheyAre() {
        assertThat(LoopbackAddresses.expand(List.of("127.0.0.1", "127.0.0.2"))).containsExactly("127.0.0.1", "127.0.0.2");
    }

    @Test
    void aRangeCountsOnAcrossOctetsAndSkipsNetworkAndBroadcastEnds() {
        List<String> spread = LoopbackAddresses.expand(List.of("127.1.0.253+4"));
        assertThat(spread).containsExactly("127.1.0.253", "127.1.0.254", "127.1.1.1", "127.1.1.2");
        assertThat(LoopbackAddresses.expand(List.of("127.2.0.1+500"))).hasSize(500).doesNotHaveDuplicates();
    }

    @Test
    void onlyLoopbackAddressesAreAccepted() {
        assertThatThrownBy(() -> LoopbackAddresses.expand(List.of("10.0.0.1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LoopbackAddresses.expand(List.of("127.255.255.250+10")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LoopbackAddresses.expand(List.of("127.0.0.1+0"))).isInstanceOf(IllegalArgumentException.class);
    }
}
