package votes.infra.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private static InetAddress ip(String text) {
        return AddressLiteral.parse(text).orElseThrow();
    }

    @Test
    void nothingIsTrustedByDefault() {
        assertThat(TrustedProxies.parse(null).trusts(ip("127.0.0.1"))).isFalse();
        assertThat(TrustedProxies.parse(" ").trusts(ip("127.0.0.1"))).isFalse();
    }

    @Test
    void cidrBlocksAndSingleAddressesOfBothFamiliesMatchExactlyTheirAddresses() {
        TrustedProxies trusted = TrustedProxies.parse("10.1.0.0/16, 192.0.2.10 ,2001:db8::/33,172.16.0.0/12");
        assertThat(trusted.trusts(ip("10.1.255.3"))).isTrue();
        assertThat(trusted.trusts(ip("10.2.0.1"))).isFalse();
        assertThat(trusted.trusts(ip("192.0.2.10"))).isTrue();
        assertThat(trusted.trusts(ip("192.0.2.11"))).isFalse();
        assertThat(trusted.trusts(ip("2001:db8:7fff::1"))).isTrue();
        assertThat(trusted.trusts(ip("2001:db8:8000::1"))).isFalse();
        assertThat(trusted.trusts(ip("172.31.255.255"))).isTrue();
        assertThat(trusted.trusts(ip("172.32.0.0"))).isFalse();
    }

    @Test
    void aHostNameOrABadPrefixIsRefusedNamingTheEntry() {
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/8, proxy.internal"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("proxy.internal");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("33");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10.0.0.0/x");
    }

    @Test
    void headerTextIsNeverLookedUpAsAHostName() {
        assertThat(AddressLiteral.parse("localhost")).isEmpty();
        assertThat(AddressLiteral.parse("1.2.3.4.nip.io")).isEmpty();
        assertThat(AddressLiteral.parse("\"[::1]:80\"")).contains(ip("::1"));
        assertThat(AddressLiteral.parse("999.1.1.1")).isEmpty();
    }
}
