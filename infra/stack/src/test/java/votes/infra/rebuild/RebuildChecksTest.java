package votes.infra.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RebuildChecksTest {

    static final String ROOT_A = "a".repeat(64);
    static final String ROOT_B = "b".repeat(64);
    static final String ROOT_C = "c".repeat(64);
    static final PollOption P1_A = new PollOption("p1", "a");
    static final PollOption P1_B = new PollOption("p1", "b");

    static LedgerFacts facts(Map<Integer, LedgerFacts.Head> logs, Map<PollOption, Long> votes) {
        return new LedgerFacts(logs, votes, Map.of("duplicate", 2L, "malformed", 1L), Map.of("p1", "md5-of-p1"), votes,
                votes, 3, Map.of("p1", "md5-of-p1-voids"));
    }

    static LedgerFacts same() {
        return facts(Map.of(0, new LedgerFacts.Head(10, ROOT_A), 1, new LedgerFacts.Head(5, ROOT_B)),
                Map.of(P1_A, 9L, P1_B, 6L));
    }

    /** Checkpoints 1-3: log 0 at 4 (root C) in 1..2, at 10 (root A) in 3; log 1 at 5 (root B) in 1..3. */
    static CheckpointHeads checkpoints() {
        return new CheckpointHeads(List.of(new CheckpointHeads.Head(0, 4, ROOT_C, 1, 2),
                new CheckpointHeads.Head(0, 10, ROOT_A, 3, 3), new CheckpointHeads.Head(1, 5, ROOT_B, 1, 3)), 3, 1, 3);
    }

    static Map<LogAt, String> rebuiltRootsAtCheckpoints() {
        return Map.of(new LogAt(0, 4), ROOT_C, new LogAt(0, 10), ROOT_A, new LogAt(1, 5), ROOT_B);
    }

    static RebuildChecks checks(LedgerFacts original, LedgerFacts rebuilt, Map<LogAt, String> originalRoots,
                                Map<LogAt, String> rebuiltRoots, boolean votesMoved) {
        return new RebuildChecks(original, rebuilt, originalRoots, rebuiltRoots, checkpoints(), OptionalLong.of(3),
                votesMoved, false);
    }

    @Test
    void identicalLedgersAgreeOnEveryCheck() {
        RebuildChecks checks = checks(same(), same(), Map.of(), rebuiltRootsAtCheckpoints(), false);

        assertThat(checks.checks()).hasSize(7).allMatch(Check::holds);
        assertThat(checks.allHold()).isTrue();
        assertThat(checks.merkleLogs().summary()).isEqualTo("2 logs, 15 leaves rebuilt, same size and root as the original");
        assertThat(checks.checkpointRoots().summary()).contains("checkpoints 1–3 copied", "3 distinct log heads");
        assertThat(checks.votes().summary()).isEqualTo("15 votes in 1 polls");
        assertThat(checks.rejections().summary()).isEqualTo("3 rejections (2 duplicate, 1 malformed)");
    }

    @Test
    void aRootThatDiffersAtTheSameSizeIsNamedWithItsLog() {
        LedgerFacts rebuilt = facts(Map.of(0, new LedgerFacts.Head(10, ROOT_C), 1, new LedgerFacts.Head(5, ROOT_B)),
                Map.of(P1_A, 9L, P1_B, 6L));

        Check merkle = checks(same(), rebuilt, Map.of(), rebuiltRootsAtCheckpoints(), false).merkleLogs();

        assertThat(merkle.holds()).isFalse();
        assertThat(merkle.details()).containsExactly("log 0: 10 leaves in both, root aaaaaaaaaaaa… in the original,"
                + " cccccccccccc… rebuilt");
    }

    @Test
    void aLogTheOriginalExtendedSinceIsComparedAtTheCommonSize() {
        LedgerFacts original = facts(Map.of(0, new LedgerFacts.Head(14, ROOT_C), 1, new LedgerFacts.Head(5, ROOT_B)),
                Map.of(P1_A, 9L, P1_B, 6L));
        assertThat(RebuildChecks.commonSizes(original, same())).isEqualTo(Map.of(0, Set.of(10L)));

        Check agrees = checks(original, same(), Map.of(new LogAt(0, 10), ROOT_A), rebuiltRootsAtCheckpoints(), true)
                .merkleLogs();
        assertThat(agrees.holds()).isTrue();
        assertThat(agrees.details()).containsExactly("log 0: 14 leaves in the original, 10 rebuilt (the original"
                + " recorded past the end offsets); same root at 10 leaves");

        Map<LogAt, String> rebuiltRoots = Map.of(new LogAt(0, 10), ROOT_B);
        Check differs = checks(original, same(), Map.of(new LogAt(0, 10), ROOT_A), rebuiltRoots, true).merkleLogs();
        assertThat(differs.holds()).isFalse();
        assertThat(differs.details().get(0)).contains("at 10 leaves the original's root is aaaaaaaaaaaa…");
    }

    @Test
    void aCheckpointWhoseRootTheRebuiltTilesDoNotGiveFailsNamingItsSequence() {
        Map<LogAt, String> rebuiltRoots = Map.of(new LogAt(0, 4), ROOT_B, new LogAt(0, 10), ROOT_A,
                new LogAt(1, 5), ROOT_B);

        Check check = checks(same(), same(), Map.of(), rebuiltRoots, false).checkpointRoots();

        assertThat(check.holds()).isFalse();
        assertThat(check.details()).containsExactly("checkpoint 1–2: log 0 at 4 leaves states cccccccccccc…, the"
                + " rebuilt log's root there is bbbbbbbbbbbb…");
    }

    @Test
    void checkpointsPastTheRebuiltLogsAreNotCopiedAndSaidSo() {
        RebuildChecks checks = new RebuildChecks(same(), same(), Map.of(),
                Map.of(new LogAt(0, 4), ROOT_C, new LogAt(1, 5), ROOT_B), checkpoints(), OptionalLong.of(2), false,
                false);

        Check check = checks.checkpointRoots();

        assertThat(check.holds()).isTrue();
        assertThat(check.summary()).startsWith("checkpoints 1–2 copied");
        assertThat(check.details()).containsExactly("1 checkpoints (3) state logs past the rebuilt ones (issued for"
                + " votes after the end offsets): not copied");
    }

    @Test
    void anOriginalWithoutCheckpointsHoldsWithNothingCopied() {
        RebuildChecks checks = new RebuildChecks(same(), same(), Map.of(), Map.of(),
                new CheckpointHeads(List.of(), 0, 0, 0), OptionalLong.empty(), false, false);

        assertThat(checks.checkpointRoots().holds()).isTrue();
        assertThat(checks.checkpointRoots().summary()).isEqualTo("the original has no checkpoint; none copied");
    }

    @Test
    void aMissingVoteAMissingPollAndADifferentTallyAreEachNamed() {
        LedgerFacts rebuilt = new LedgerFacts(same().logs(), Map.of(P1_A, 8L, P1_B, 6L), Map.of("duplicate", 2L),
                Map.of("p1", "other-md5", "p2", "md5-of-p2"), Map.of(P1_A, 8L, P1_B, 6L), Map.of(P1_A, 8L, P1_B, 6L), 2,
                Map.of("p1", "md5-of-p1-voids"));

        RebuildChecks checks = checks(same(), rebuilt, Map.of(), rebuiltRootsAtCheckpoints(), false);

        assertThat(checks.allHold()).isFalse();
        assertThat(checks.votes().details()).containsExactly("p1/a: 9 votes in the original, 8 rebuilt");
        assertThat(checks.rejections().details()).containsExactly("malformed: 1 rejections in the original, 0 rebuilt");
        assertThat(checks.polls().details()).containsExactly("poll p1: title, options, window or close differ",
                "poll p2: only in the rebuilt database");
        assertThat(checks.tallies().details()).containsExactly("p1/a: 9 counted in the original, 8 rebuilt");
    }

    @Test
    void aPollWhoseVoidsDifferOrExistOnOneSideOnlyIsNamed() {
        LedgerFacts rebuilt = new LedgerFacts(same().logs(), same().votesBelowEnds(), same().rejectionsBelowEnds(),
                same().polls(), same().tallies(), same().recorded(), 3, Map.of("p1", "other", "p2", "md5-of-p2"));

        Check check = checks(same(), rebuilt, Map.of(), rebuiltRootsAtCheckpoints(), false).voids();

        assertThat(check.holds()).isFalse();
        assertThat(check.details()).containsExactly("poll p1: its voids differ (votes voided, counted or leaves)",
                "poll p2: voids only in the rebuilt database");
    }

    @Test
    void whileVotesArriveEachDatabasesTalliesAreComparedWithItsOwnVotes() {
        LedgerFacts original = new LedgerFacts(same().logs(), same().votesBelowEnds(), same().rejectionsBelowEnds(),
                same().polls(), Map.of(P1_A, 12L, P1_B, 6L), Map.of(P1_A, 12L, P1_B, 6L), 3, same().voids());
        LedgerFacts rebuilt = new LedgerFacts(same().logs(), same().votesBelowEnds(), same().rejectionsBelowEnds(),
                same().polls(), Map.of(P1_A, 9L, P1_B, 5L), Map.of(P1_A, 9L, P1_B, 6L), 3, same().voids());

        Check check = checks(original, rebuilt, Map.of(), rebuiltRootsAtCheckpoints(), true).tallies();

        assertThat(check.holds()).isFalse();
        assertThat(check.summary()).startsWith("votes.submitted grew while the rebuild ran");
        assertThat(check.details()).containsExactly("rebuilt p1/b: 6 counted in the original, 5 rebuilt");
    }

    @Test
    void atMostFiveDifferencesAreListedAndTheRestCounted() {
        Map<PollOption, Long> many = new java.util.TreeMap<>();
        for (int i = 0; i < 8; i++) {
            many.put(new PollOption("p" + i, "a"), 1L);
        }
        LedgerFacts rebuilt = new LedgerFacts(same().logs(), many, same().rejectionsBelowEnds(), same().polls(),
                same().tallies(), same().recorded(), 3, same().voids());

        Check votes = checks(same(), rebuilt, Map.of(), rebuiltRootsAtCheckpoints(), false).votes();

        // p0/a … p7/a differ (p1/a: 9 against 1), and p1/b (6 against none): nine differences.
        assertThat(votes.details()).hasSize(6).last().isEqualTo("… and 4 more");
    }
}
