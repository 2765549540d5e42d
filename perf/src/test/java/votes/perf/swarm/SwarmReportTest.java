package votes.perf.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SwarmReportTest {

    private static final ClientProfile BROWSER = new ClientProfile("chrome", Map.of(ClientProfile.USER_AGENT, "M"));

    private static VoteResult result(Strategy s, Outcome outcome, boolean flagged, double latencyMillis, int difficulty) {
        PlannedVote v = new PlannedVote(0, s, "v", "127.1.2.3", null, BROWSER, 0, -1000, "a",
                PlannedVote.NEVER_GIVES_UP, s == Strategy.HUMAN);
        int status = switch (outcome) {
            case ACCEPTED -> 202;
            case REFUSED -> 429;
            case UNSOLVED -> 403;
            case OTHER -> 503;
            case FAILED -> 0;
        };
        String receipt = outcome == Outcome.ACCEPTED ? "00000000-0000-0000-0000-000000000001" : "";
        double firstAnswer = difficulty < 0 ? latencyMillis : latencyMillis / 2;
        VoteResult r = new VoteResult("measured", v, 1000, 1, difficulty < 0 ? 0 : 1, difficulty, 0, 0, latencyMillis,
                firstAnswer, status, outcome, "", receipt, false, 0, List.of());
        return flagged ? r.flaggedAs(0.9, List.of("headless-user-agent")) : r;
    }

    private static List<VoteResult> times(int n, VoteResult r) {
        List<VoteResult> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(r);
        }
        return out;
    }

    @Test
    void aBotStrategyIsStoppedWhenRefusedUnsolvedOrFlaggedAndTheTargetIs95Percent() {
        List<VoteResult> results = new ArrayList<>();
        results.addAll(times(50, result(Strategy.HEADLESS, Outcome.REFUSED, false, 1, -1)));
        results.addAll(times(20, result(Strategy.HEADLESS, Outcome.UNSOLVED, false, 1, 22)));
        results.addAll(times(25, result(Strategy.HEADLESS, Outcome.ACCEPTED, true, 1, -1)));
        results.addAll(times(5, result(Strategy.HEADLESS, Outcome.ACCEPTED, false, 1, -1)));

        StrategyTally t = StrategyTally.of(Strategy.HEADLESS, results);

        assertThat(t.attempted()).isEqualTo(100);
        assertThat(t.accepted()).isEqualTo(30);
        assertThat(t.flagged()).isEqualTo(25);
        assertThat(t.acceptedShare()).isEqualTo(0.30);
        assertThat(t.stoppedShare()).isEqualTo(0.95);
        assertThat(t.botTargetMet()).contains(true);
    }

    @Test
    void otherAnswersCountAsAttemptedButNotStoppedSoTheyCanMissTheTarget() {
        List<VoteResult> results = new ArrayList<>(times(94, result(Strategy.ONE_ADDRESS, Outcome.REFUSED, false, 1, -1)));
        results.addAll(times(6, result(Strategy.ONE_ADDRESS, Outcome.OTHER, false, 1, -1)));
        StrategyTally t = StrategyTally.of(Strategy.ONE_ADDRESS, results);
        assertThat(t.other()).isEqualTo(6);
        assertThat(t.botTargetMet()).contains(false);
    }

    @Test
    void theSlowestStrategyAndPeopleHaveNoBotTarget() {
        List<VoteResult> results = List.of(result(Strategy.SLOW_BOT, Outcome.ACCEPTED, false, 1, -1),
                result(Strategy.HUMAN, Outcome.ACCEPTED, false, 1, -1));
        assertThat(StrategyTally.of(Strategy.SLOW_BOT, results).botTargetMet()).isEmpty();
        assertThat(StrategyTally.of(Strategy.HUMAN, results).botTargetMet()).isEmpty();
    }

    private static List<PersonVote> people(List<VoteResult> results) {
        return PersonVote.people(results);
    }

    @Test
    void peopleAreRefusedByA429OrAnUnsolvedChallengeAndChallengedHardAbove18Bits() {
        List<VoteResult> results = new ArrayList<>(times(994, result(Strategy.HUMAN, Outcome.ACCEPTED, false, 100, 16)));
        results.addAll(times(3, result(Strategy.HUMAN, Outcome.REFUSED, false, 100, -1)));
        results.addAll(times(2, result(Strategy.HUMAN, Outcome.UNSOLVED, false, 100, 19)));
        results.add(result(Strategy.HUMAN, Outcome.ACCEPTED, false, 100, 18));
        results.add(result(Strategy.HEADLESS, Outcome.REFUSED, false, 100, 24));

        HumanFigures h = HumanFigures.of(people(results), people(results));

        assertThat(h.attempted()).isEqualTo(1000);
        assertThat(h.refusedShare()).isEqualTo(0.005);
        assertThat(h.refusedTargetMet()).isTrue();
        assertThat(h.hardChallengeShare()).isEqualTo(0.002);
    }

    @Test
    void theAddedP99IsTheDifferenceOfTheTwoPhasesP99sAndFailedVotesHaveNoLatency() {
        List<VoteResult> results = new ArrayList<>(times(99, result(Strategy.HUMAN, Outcome.ACCEPTED, false, 20, -1)));
        results.add(result(Strategy.HUMAN, Outcome.ACCEPTED, false, 80, 16));
        results.add(result(Strategy.HUMAN, Outcome.FAILED, false, 10_000, -1));
        List<VoteResult> baseline = new ArrayList<>(times(99, result(Strategy.HUMAN, Outcome.ACCEPTED, false, 10, -1)));
        baseline.add(result(Strategy.HUMAN, Outcome.ACCEPTED, false, 30, -1));

        HumanFigures h = HumanFigures.of(people(results), people(baseline));

        assertThat(h.latency().count()).isEqualTo(100);
        assertThat(h.latency().p99()).isEqualTo(20);
        assertThat(h.latency().baselineP99()).isEqualTo(10);
        assertThat(h.latency().p99Added()).isEqualTo(10);
        assertThat(h.latency().p50Added()).isEqualTo(10);
        assertThat(h.addedLatencyTargetMet()).isTrue();
        // Only the challenged vote cost anything beyond its first answer: half its 80 ms.
        assertThat(h.challengeCost().max()).isCloseTo(40, org.assertj.core.data.Offset.offset(0.1));
        assertThat(h.otherShare()).isCloseTo(1 / 101.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theP99OfEachHalfOfThePhaseShowsAPhaseThatWasStillWarmingUp() {
        List<PersonVote> people = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            people.add(new PersonVote(Outcome.ACCEPTED, -1, false, 1000L * (99 - i), i < 50 ? 20 : 500, 0));
        }
        people.add(new PersonVote(Outcome.FAILED, -1, false, 0, 60_000, 0));

        HumanFigures h = HumanFigures.of(people, people);

        // Listed late-first: the halves go by due time, and the slow votes were due first.
        assertThat(h.p99FirstHalf()).isEqualTo(500);
        assertThat(h.p99SecondHalf()).isEqualTo(20);
        assertThat(new SwarmReport(List.of(), List.of(new SwarmReport.PeopleRow("x", h, false)), true).render())
                .contains("| 500 / 20 ");
    }

    @Test
    void withoutABaselineTheLatencyTargetIsNotClaimed() {
        List<VoteResult> measured = List.of(result(Strategy.HUMAN, Outcome.ACCEPTED, false, 5, -1));
        HumanFigures h = HumanFigures.of(people(measured), List.of());
        assertThat(h.addedLatencyTargetMet()).isFalse();
        assertThat(SwarmReport.latencyVerdict(h)).isEqualTo("n/a (no baseline)");
        assertThat(SwarmReport.of(Phase.DEFENDED, measured, List.of(), List.of(), true).allMet()).isFalse();
    }

    @Test
    void theMeasuredPhaseReportsTheDefencesCostFromTheDefendedPhaseAsTheTargetAndUnderAttackBesideIt() {
        List<PersonVote> baseline = people(times(100, result(Strategy.HUMAN, Outcome.ACCEPTED, false, 20, -1)));
        List<PersonVote> defended = people(times(100, result(Strategy.HUMAN, Outcome.ACCEPTED, false, 30, -1)));
        List<VoteResult> measured = new ArrayList<>(times(100, result(Strategy.HUMAN, Outcome.ACCEPTED, false, 400, -1)));
        measured.addAll(times(10, result(Strategy.ONE_ADDRESS, Outcome.REFUSED, false, 1, -1)));

        SwarmReport report = SwarmReport.of(Phase.MEASURED, measured, baseline, defended, true);

        assertThat(report.people()).extracting(SwarmReport.PeopleRow::label)
                .containsExactly(SwarmReport.DEFENCE_COST, SwarmReport.UNDER_ATTACK);
        SwarmReport.PeopleRow cost = report.people().get(0);
        assertThat(cost.latencyTarget()).isTrue();
        assertThat(cost.figures().latency().p99Added()).isEqualTo(10);
        SwarmReport.PeopleRow underAttack = report.people().get(1);
        assertThat(underAttack.latencyTarget()).isFalse();
        assertThat(underAttack.figures().latency().p99Added()).isEqualTo(380);
        // The swarm's load (+380 ms under attack) is reported, but the target is the defence's own cost (+10 ms).
        assertThat(report.allMet()).isTrue();
        assertThat(report.render()).contains("| defence's cost").contains("| under attack").contains("not the target");
    }

    @Test
    void withoutTheDefendedPhaseTheMeasuredPhaseClaimsNoLatencyTarget() {
        List<PersonVote> baseline = people(times(100, result(Strategy.HUMAN, Outcome.ACCEPTED, false, 20, -1)));
        List<VoteResult> measured = times(100, result(Strategy.HUMAN, Outcome.ACCEPTED, false, 20, -1));

        SwarmReport report = SwarmReport.of(Phase.MEASURED, measured, baseline, List.of(), true);

        assertThat(report.people()).extracting(SwarmReport.PeopleRow::label).containsExactly(SwarmReport.UNDER_ATTACK);
        assertThat(report.allMet()).isFalse();
    }

    @Test
    void aDefendedP99Over50MsMissesTheTargetAndSaysWhenTheNoiseSpansIt() {
        List<PersonVote> baseline = people(times(800, result(Strategy.HUMAN, Outcome.ACCEPTED, false, 20, -1)));
        List<PersonVote> slow = people(times(800, result(Strategy.HUMAN, Outcome.ACCEPTED, false, 90, -1)));
        List<VoteResult> tail = new ArrayList<>(times(791, result(Strategy.HUMAN, Outcome.ACCEPTED, false, 20, -1)));
        tail.addAll(times(9, result(Strategy.HUMAN, Outcome.ACCEPTED, false, 200, -1)));

        SwarmReport steadilySlower = SwarmReport.of(Phase.MEASURED, List.of(), baseline, slow, true);
        SwarmReport oneVoteMoreInTheTail = SwarmReport.of(Phase.DEFENDED, tail, baseline, List.of(), true);

        assertThat(steadilySlower.allMet()).isFalse();
        assertThat(SwarmReport.latencyVerdict(steadilySlower.people().get(0).figures())).isEqualTo("MISSED");
        // The 9th slowest of 800 is the p99: one slow vote more moves it by 180 ms, well inside the noise.
        HumanFigures t = oneVoteMoreInTheTail.people().get(0).figures();
        assertThat(t.latency().p99Added()).isEqualTo(180);
        assertThat(SwarmReport.latencyVerdict(t)).isEqualTo("MISSED, noise spans 50");
    }

    @Test
    void theBaselinePhaseReportsItsOwnPeopleAndNoTarget() {
        List<VoteResult> results = times(10, result(Strategy.HUMAN, Outcome.ACCEPTED, false, 20, -1));
        SwarmReport report = SwarmReport.of(Phase.BASELINE, results, List.of(), List.of(), true);
        assertThat(report.people()).singleElement().satisfies(r -> {
            assertThat(r.label()).isEqualTo(SwarmReport.BASELINE);
            assertThat(r.latencyTarget()).isFalse();
            assertThat(r.figures().latency().p99Added()).isZero();
        });
        assertThat(report.render()).doesNotContain("strategy");
    }

    @Test
    void theTableNamesEveryStrategyWithItsVerdictAndSaysNaWhenFlagsWereNotRead() {
        List<VoteResult> results = new ArrayList<>(times(100, result(Strategy.HUMAN, Outcome.ACCEPTED, false, 20, -1)));
        results.addAll(times(10, result(Strategy.ONE_ADDRESS, Outcome.REFUSED, false, 1, -1)));
        results.addAll(times(10, result(Strategy.SLOW_BOT, Outcome.ACCEPTED, false, 1, -1)));
        List<PersonVote> alone = people(times(100, result(Strategy.HUMAN, Outcome.ACCEPTED, false, 20, -1)));

        String flagsRead = SwarmReport.of(Phase.MEASURED, results, alone, alone, true).render();
        String noFlags = SwarmReport.of(Phase.MEASURED, results, alone, alone, false).render();

        assertThat(flagsRead).contains("| one-address").contains("| met").contains("exempt (slowest)")
                .doesNotContain("rotating-24").contains("0.0 … 0.0");
        assertThat(noFlags).contains("n/a");
        assertThat(SwarmReport.of(Phase.MEASURED, results, alone, alone, true).allMet()).isTrue();
    }

    @Test
    void sharesUnderOnePercentGetTwoDecimals() {
        assertThat(SwarmReport.percent(0.004)).isEqualTo("0.40");
        assertThat(SwarmReport.percent(0.9512)).isEqualTo("95.1");
        assertThat(SwarmReport.percent(Double.NaN)).isEqualTo("-");
    }
}
