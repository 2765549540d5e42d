package votes.infra.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardedChainTest {

    private static final TrustedProxies TRUSTED = TrustedProxies.parse("10.0.0.0/8, 192.0.2.10");

    private static InetAddress ip(String text) {
        return AddressLiteral.parse(text).orElseThrow();
    }

    private static List<String> chain(String peer, String... forwardedFor) {
        return ForwardedChain.resolve(ip(peer), List.of(forwardedFor), TRUSTED).stream()
                .map(InetAddress::getHostAddress).toList();
    }

    @Test
    void anUntrustedPeerIsTheWholeChainWhateverItClaims() {
        assertThat(chain("203.0.113.7", "10.0.0.1, 1.2.3.4")).containsExactly("203.0.113.7");
    }

    @Test
    void behindTrustedProxiesTheClientIsTheRightmostUntrustedAddress() {
        assertThat(chain("10.0.0.5", "6.6.6.6, 203.0.113.7, 192.0.2.10"))
                .containsExactly("203.0.113.7", "192.0.2.10", "10.0.0.5");
    }

    @Test
    void severalHeaderLinesReadAsOneListInArrivalOrder() {
        assertThat(chain("10.0.0.5", "6.6.6.6", "203.0.113.7")).containsExactly("203.0.113.7", "10.0.0.5");
    }

    @Test
    void aTrustedProxyWithoutForwardedForIsItselfTheClient() {
        assertThat(chain("10.0.0.5")).containsExactly("10.0.0.5");
    }

    @Test
    void anEntryThatIsNotAnAddressEndsTheChainAtTheTrustedHopToItsRight() {
        assertThat(chain("10.0.0.5", "203.0.113.7, unknown, 10.0.0.1")).containsExactly("10.0.0.1", "10.0.0.5");
        assertThat(chain("10.0.0.5", "evil.example.com")).containsExactly("10.0.0.5");
    }

    @Test
    void addressesWithPortsOrBracketsAreRead() {
        assertThat(chain("10.0.0.5", "[2001:db8::7]:4711, 10.0.0.1:80"))
                .containsExactly("2001:db8:0:0:0:0:0:7", "10.0.0.1", "10.0.0.5");
    }
}
