package votes.perf.swarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressPlanTest {

    @Test
    void consecutivePeopleLandInDifferentNetworksAndStayInsideLoopback() {
        AddressPlan plan = new AddressPlan(0);
        assertThat(plan.human(0, 250)).isEqualTo("127.20.0.1");
        assertThat(plan.human(1, 250)).isEqualTo("127.20.1.1");
        assertThat(plan.human(250, 250)).isEqualTo("127.20.0.2");
        assertThat(plan.human(300, 300)).isEqualTo("127.20.0.2");
        assertThat(plan.human(257, 1000)).isEqualTo("127.21.1.1");
    }

    @Test
    void botStrategiesHaveTheirOwnBlocksAfterThePeople() {
        AddressPlan plan = new AddressPlan(1);
        assertThat(plan.bot(Strategy.ONE_ADDRESS, 0, 1)).isEqualTo("127.96.0.1");
        assertThat(plan.bot(Strategy.ROTATING_24, 0, 1)).isEqualTo("127.100.0.1");
        assertThat(plan.bot(Strategy.SLOW_BOT, 3, 20)).isEqualTo("127.120.3.20");
        assertThat(plan.scattered(Strategy.HEADLESS, 201, 200)).isEqualTo("127.112.1.2");
        assertThat(new AddressPlan(2).bot(Strategy.SLOW_BOT, AddressPlan.MAX_BOT_NETS - 1, AddressPlan.MAX_HOST))
                .isEqualTo("127.175.255.254");
    }

    @Test
    void theDefendedPhaseHasTheFourthBlockAndEveryBlockStaysBelowTheLoopbackBroadcast() {
        AddressPlan defended = new AddressPlan(Phase.DEFENDED.index());
        assertThat(defended.human(0, 250)).isEqualTo("127.176.0.1");
        assertThat(defended.bot(Strategy.SLOW_BOT, AddressPlan.MAX_BOT_NETS - 1, AddressPlan.MAX_HOST))
                .isEqualTo("127." + AddressPlan.LAST_OCTET + ".255.254");
        assertThat(AddressPlan.LAST_OCTET).isEqualTo(227).isLessThan(255);
        assertThat(java.util.Arrays.stream(Phase.values()).map(Phase::index))
                .containsExactlyInAnyOrder(0, 1, 2, 3).allMatch(i -> i < AddressPlan.PHASES);
    }

    @Test
    void aPopulationThatDoesNotFitIsRefused() {
        assertThatThrownBy(() -> new AddressPlan(0).human(254 * 10, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AddressPlan(0).bot(Strategy.HEADLESS, 0, 255))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AddressPlan(AddressPlan.PHASES)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePrefixIsTheSlash24() {
        assertThat(AddressPlan.prefix24("127.20.3.17")).isEqualTo("127.20.3");
    }
}
