package votes.ingest.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import votes.events.vote.ClientHashes;

class RateLimitsTest {

    private static final long MINUTE = 60_000;
    private final ClientHashes hashes = new ClientHashes("client-facts-key-of-this-test");
    private final RateLimits limits = new RateLimits(
            new Limit("voter", Limit.Shape.BUCKET, 10, MINUTE, 20),
            new Limit("device", Limit.Shape.LOG, 10, MINUTE, 5),
            new Limit("address", Limit.Shape.LOG, 10, MINUTE, 5),
            new Limit("prefix", Limit.Shape.LOG, 100, MINUTE, 50), hashes);

    @Test
    void aVoteCountsOnItsVoterDeviceAddressAndPrefixAndTheVoterKeyIsHashTagged() {
        List<RateLimits.Counter> counters = limits.counters("V", "device-1", "192.0.2.7");

        assertThat(counters).extracting(RateLimits.Counter::scope).containsExactly("voter", "address", "prefix", "device");
        assertThat(counters.get(0).key()).isEqualTo("rl:{V}:voter");
        assertThat(counters.get(1).key()).isEqualTo("rl:address:" + hashes.of("192.0.2.7"));
        assertThat(counters.get(2).limit().shape()).isEqualTo(Limit.Shape.LOG);
        assertThat(counters.get(3).key()).isEqualTo("rl:device:" + hashes.of("device-1"));
    }

    @Test
    void aVoteWithoutADeviceIdSharesItsAddresssDeviceKey() {
        String without = limits.counters("V", null, "192.0.2.7").get(3).key();

        assertThat(without).isEqualTo("rl:device:address:" + hashes.of("192.0.2.7"));
        assertThat(limits.counters("W", null, "192.0.2.7").get(3).key()).isEqualTo(without);
        assertThat(limits.counters("W", null, "192.0.2.8").get(3).key()).isNotEqualTo(without);
    }

    @Test
    void addressesOfOneSlash24OrSlash56ShareTheirPrefixKey() {
        assertThat(RateLimits.prefixOf("192.0.2.7")).isEqualTo(RateLimits.prefixOf("192.0.2.250"));
        assertThat(RateLimits.prefixOf("192.0.2.7")).isNotEqualTo(RateLimits.prefixOf("192.0.3.7"));
        assertThat(RateLimits.prefixOf("2001:db8:0:ff01::1")).isEqualTo(RateLimits.prefixOf("2001:db8:0:ffee::9"));
        assertThat(RateLimits.prefixOf("2001:db8:0:ff01::1")).isNotEqualTo(RateLimits.prefixOf("2001:db8:0:fe01::1"));
        assertThat(RateLimits.prefixOf("not-an-address")).isEqualTo("not-an-address");
    }

    @Test
    void aLimitOfZeroTurnsItsKindOff() {
        RateLimits addressOnly = new RateLimits(new Limit("voter", Limit.Shape.BUCKET, 0, MINUTE, 0),
                new Limit("device", Limit.Shape.LOG, 0, MINUTE, 0), new Limit("address", Limit.Shape.LOG, 7, MINUTE, 7),
                new Limit("prefix", Limit.Shape.LOG, 0, MINUTE, 0), hashes);

        assertThat(addressOnly.counters("V", "d", "192.0.2.7")).extracting(RateLimits.Counter::scope)
                .containsExactly("address");
    }
}
