package votes.perf.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SwarmPlanTest {

    private static final long MINUTE = 60_000;

    private static PlanSettings settings(int phase) {
        return new PlanSettings(phase, MINUTE, 7, 1000, 250, 0.2, Map.of(Strategy.ONE_ADDRESS, 300,
                Strategy.ROTATING_24, 600, Strategy.ROTATING_DEVICES, 200, Strategy.BULK_TOKENS, 400,
                Strategy.HEADLESS, 100, Strategy.MACHINE_POW, 80, Strategy.SLOW_BOT, 24), 20);
    }

    private static List<PlannedVote> of(List<PlannedVote> plan, Strategy s) {
        return plan.stream().filter(v -> v.strategy() == s).toList();
    }

    private static Set<String> distinct(List<PlannedVote> votes, java.util.function.Function<PlannedVote, String> f) {
        return votes.stream().map(f).collect(Collectors.toSet());
    }

    @Test
    void everyPopulationGetsItsCountAndEveryVoteItsOwnVoterInDueOrderWithinThePhase() {
        List<PlannedVote> plan = SwarmPlan.of(settings(1));
        assertThat(plan).hasSize(1000 + 300 + 600 + 200 + 400 + 100 + 80 + 24);
        assertThat(of(plan, Strategy.HUMAN)).hasSize(1000);
        assertThat(of(plan, Strategy.SLOW_BOT)).hasSize(24);
        assertThat(distinct(plan, PlannedVote::voter)).hasSize(plan.size());
        assertThat(plan).isSortedAccordingTo(java.util.Comparator.comparingLong(PlannedVote::dueMillis));
        assertThat(plan).allSatisfy(v -> assertThat(v.dueMillis()).isBetween(0L, MINUTE));
    }

    @Test
    void peopleComeFromDistinctAddressesOverManyNetworksWithADeviceABrowserAndAMinutesOldToken() {
        List<PlannedVote> people = of(SwarmPlan.of(settings(1)), Strategy.HUMAN);
        assertThat(distinct(people, PlannedVote::address)).hasSize(1000);
        assertThat(distinct(people, v -> AddressPlan.prefix24(v.address()))).hasSize(250);
        assertThat(people).allSatisfy(v -> {
            assertThat(v.address()).startsWith("127.");
            assertThat(v.deviceId()).isNotNull();
            assertThat(v.client().userAgent()).startsWith("Mozilla/5.0");
            assertThat(v.client().acceptLanguage()).isTrue();
            assertThat(v.plannedTokenAgeMillis()).isBetween(2 * MINUTE, 15 * MINUTE);
            assertThat(v.browserSolver()).isTrue();
            assertThat(v.giveUpAboveBits()).isEqualTo(PlannedVote.NEVER_GIVES_UP);
        });
        long hintless = people.stream().filter(v -> !v.client().clientHints()).count();
        assertThat(hintless).isBetween(120L, 280L); // ~20 % of 1000
    }

    @Test
    void peopleArriveSpreadOverThePhaseNotInABurst() {
        List<PlannedVote> people = of(SwarmPlan.of(settings(1)), Strategy.HUMAN);
        long firstHalf = people.stream().filter(v -> v.dueMillis() < MINUTE / 2).count();
        assertThat(firstHalf).isBetween(350L, 650L);
    }

    @Test
    void eachBotStrategyHasTheNetworkShapeItIsNamedFor() {
        List<PlannedVote> plan = SwarmPlan.of(settings(1));
        assertThat(distinct(of(plan, Strategy.ONE_ADDRESS), PlannedVote::address)).hasSize(1);
        List<PlannedVote> rotating = of(plan, Strategy.ROTATING_24);
        assertThat(distinct(rotating, PlannedVote::address)).hasSize(AddressPlan.MAX_HOST);
        assertThat(distinct(rotating, v -> AddressPlan.prefix24(v.address()))).hasSize(1);
        List<PlannedVote> devices = of(plan, Strategy.ROTATING_DEVICES);
        assertThat(distinct(devices, PlannedVote::address)).hasSize(SwarmPlan.ROTATING_DEVICE_ADDRESSES);
        assertThat(distinct(devices, PlannedVote::deviceId)).hasSize(200);
        assertThat(distinct(of(plan, Strategy.MACHINE_POW), PlannedVote::address))
                .hasSize(SwarmPlan.MACHINE_POW_ADDRESSES);
        assertThat(distinct(of(plan, Strategy.SLOW_BOT), PlannedVote::address)).hasSize(SwarmPlan.SLOW_BOT_ADDRESSES);
    }

    @Test
    void bulkTokensAreAllIssuedInOneSecondAndUsedWithinTwoSeconds() {
        List<PlannedVote> bulk = of(SwarmPlan.of(settings(1)), Strategy.BULK_TOKENS);
        assertThat(distinct(bulk, v -> Long.toString(v.issuedAtMillis()))).hasSize(1);
        long first = bulk.stream().mapToLong(PlannedVote::dueMillis).min().orElseThrow();
        long last = bulk.stream().mapToLong(PlannedVote::dueMillis).max().orElseThrow();
        assertThat(last - first).isLessThanOrEqualTo(SwarmPlan.BULK_SPREAD_MS);
    }

    @Test
    void headlessBotsSendNoClientHintsAndNoLanguageAndOnlyMachinePowPaysAnyChallenge() {
        List<PlannedVote> plan = SwarmPlan.of(settings(1));
        assertThat(of(plan, Strategy.HEADLESS)).allSatisfy(v -> {
            assertThat(v.client().clientHints()).isFalse();
            assertThat(v.client().acceptLanguage()).isFalse();
            assertThat(v.client().userAgent()).containsAnyOf("HeadlessChrome", "python-requests");
        });
        assertThat(plan).filteredOn(v -> v.strategy().bot()).allSatisfy(v -> {
            assertThat(v.browserSolver()).isFalse();
            assertThat(v.giveUpAboveBits()).isEqualTo(v.strategy() == Strategy.MACHINE_POW
                    ? PlannedVote.NEVER_GIVES_UP : 20);
        });
    }

    @Test
    void theSameSeedGivesTheSameSwarmAndPhasesShareNoAddressOrVoter() {
        assertThat(SwarmPlan.of(settings(1))).isEqualTo(SwarmPlan.of(settings(1)));
        List<List<PlannedVote>> phases = java.util.Arrays.stream(Phase.values())
                .map(p -> SwarmPlan.of(settings(p.index()))).toList();
        for (int i = 0; i < phases.size(); i++) {
            for (int j = i + 1; j < phases.size(); j++) {
                assertThat(distinct(phases.get(i), PlannedVote::address))
                        .doesNotContainAnyElementsOf(distinct(phases.get(j), PlannedVote::address));
                assertThat(distinct(phases.get(i), PlannedVote::voter))
                        .doesNotContainAnyElementsOf(distinct(phases.get(j), PlannedVote::voter));
            }
        }
    }
}
