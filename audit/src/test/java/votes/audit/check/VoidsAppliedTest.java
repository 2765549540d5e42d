package votes.audit.check;

import static org.assertj.core.api.Assertions.assertThat;
import static votes.audit.check.LedgerAuditTest.check;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import votes.audit.ledger.MerkleLogRow;
import votes.audit.ledger.VoidRow;
import votes.audit.ledger.VoteRow;
import votes.events.poll.VotesVoided;
import votes.proofs.checkpoint.Checkpoint;
import votes.proofs.checkpoint.Ed25519Keys;
import votes.proofs.checkpoint.LogHead;
import votes.proofs.merkle.VoidLeaf;

class VoidsAppliedTest {

    @TempDir
    Path keys;

    /**
     * The usual mix, then song's voids: one before the close naming 3 recorded votes (a, a, b), a rejected one and an
     * unknown id; the same void re-appended; one at the close; color's one naming a song vote and a color vote.
     */
    private VotesVoided songVoid;

    private LedgerFixture withVoids() {
        LedgerFixture f = LedgerFixture.mixed(keys);
        UUID duplicate = f.log.stream().filter(e -> e.vote() != null && e.vote().voterId().equals("voter-1")
                && e.vote().submittedAt().equals(LedgerFixture.T0.plusSeconds(50))).findFirst().orElseThrow()
                .vote().eventId();
        songVoid = f.voidVotes("song", LedgerFixture.T0.plusSeconds(30), id(f, "song", "voter-1"),
                id(f, "song", "voter-2"), id(f, "song", "voter-3"), duplicate, UUID.randomUUID());
        f.reappend(songVoid);
        f.voidVotes("song", LedgerFixture.T0.plusSeconds(60), id(f, "song", "voter-4"));
        f.voidVotes("color", LedgerFixture.T0.plusSeconds(70), id(f, "song", "voter-5"),
                id(f, "color", "voter-0"));
        rewrite(f);
        return f;
    }

    private static UUID id(LedgerFixture f, String poll, String voter) {
        return f.log.stream().filter(e -> e.vote() != null && e.vote().pollId().equals(poll)
                && e.vote().voterId().equals(voter)).findFirst().orElseThrow().vote().eventId();
    }

    @Test
    void aFaithfulLedgerWithVoidsPassesEveryCheck() {
        LedgerFixture f = withVoids();

        Checklist checklist = f.audit(null, Map.of("song", Map.of("a", 24L, "b", 13L), "color",
                Map.of("red", 4L, "blue", 5L)), f.publicKey);

        assertThat(checklist.checks()).extracting(Check::number)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
        assertThat(checklist.checks()).allSatisfy(c -> assertThat(c.status()).as(c.number() + " " + c.summary()
                + " " + c.firstOffender()).isEqualTo(Status.PASS));
        Check voids = check(checklist, VoidsApplied.NUMBER);
        assertThat(voids.summary()).isEqualTo("4 voids in poll-events (1 re-appended), 3 audited: 2 counted, 4 votes"
                + " voided; 50 recorded votes compared");
        assertThat(check(checklist, TalliesAgree.NUMBER).summary()).contains("50 votes, 4 voided");
        assertThat(check(checklist, CheckpointsAgree.NUMBER).checked()).isEqualTo(3);
        assertThat(f.voidRows).extracting(VoidRow::voidedVotes).containsExactly(3, 0, 1);
    }

    @Test
    void aVoteTheLogVoidsButTheLedgerStillCountsIsNamed() {
        LedgerFixture f = withVoids();
        VoteRow row = f.markVoided("song", "voter-2", null);

        Checklist checklist = f.audit(null, null, f.publicKey);

        Check voids = check(checklist, VoidsApplied.NUMBER);
        assertThat(voids.status()).isEqualTo(Status.FAIL);
        assertThat(voids.firstOffender()).contains("event " + row.eventId(), "voided by void event "
                + songVoid.eventId(), "poll-events 0@0", "per the log, the ledger counts it");
        assertThat(check(checklist, TalliesAgree.NUMBER).firstOffender()).contains("poll song option",
                "after its voids the log counts");
        assertThat(checklist.exitCode()).isEqualTo(1);
    }

    @Test
    void aVoteTheLedgerVoidedOnItsOwnIsNamed() {
        LedgerFixture f = withVoids();
        UUID forged = UUID.randomUUID();
        VoteRow row = f.markVoided("song", "voter-9", new VoteRow.VoidMark(forged, LedgerFixture.T0, "nope"));

        Check voids = check(f.audit(null, null, f.publicKey), VoidsApplied.NUMBER);

        assertThat(voids.firstOffender()).contains("event " + row.eventId(), "the log leaves it counted",
                "void event " + forged);
    }

    @Test
    void aVoidDatedAfterTheCloseThatTheLedgerAppliedAnywayIsNamed() {
        LedgerFixture f = LedgerFixture.mixed(keys);
        VotesVoided late = f.voidVotes("song", LedgerFixture.T0.plusSeconds(61), id(f, "song", "voter-4"));
        f.voidsAfterClose = true;
        rewrite(f);

        Checklist checklist = f.audit(null, null, f.publicKey);

        Check voids = check(checklist, VoidsApplied.NUMBER);
        assertThat(voids.status()).isEqualTo(Status.FAIL);
        assertThat(voids.firstOffender()).contains("the log leaves it counted", "void event " + late.eventId());
        assertThat(voids.failures()).as("the vote and the vote_voids row (voided_votes, counted)").isEqualTo(2);
    }

    @Test
    void aMissingAForgedAndAMiscountedVoteVoidsRowAreNamed() {
        LedgerFixture f = withVoids();
        VoidRow first = f.voidRows.get(0);
        f.voidRows.set(0, new VoidRow(first.eventId(), first.pollId(), first.flagId(), first.reason(),
                first.voidedAt(), first.namedVotes(), 2, first.counted(), first.partition(), first.offset(),
                first.logId(), first.leafIndex()));
        f.voidRows.remove(1);
        UUID forged = UUID.randomUUID();
        f.voidRows.add(new VoidRow(forged, "song", "f", "r", LedgerFixture.T0, 0, 0, false, 0, 1, VoidLeaf.logId(0), 1L));

        Check voids = check(f.audit(null, null, f.publicKey), VoidsApplied.NUMBER);

        assertThat(voids.failures()).isEqualTo(3);
        assertThat(voids.firstOffender()).contains("void event " + songVoid.eventId(),
                "voided_votes expected 3, found 2");
        assertThat(f.audit(null, null, f.publicKey).exitCode()).isEqualTo(1);
    }

    @Test
    void aVoidLogTheLedgerChangedOrACheckpointOfAVoidLogTheLogLacksIsNamed() {
        LedgerFixture f = withVoids();
        int log = VoidLeaf.logId(0);
        MerkleLogRow row = f.merkleLogs.get(log);
        f.merkleLogs.put(log, new MerkleLogRow(log, row.size(), new byte[32]));
        Checkpoint last = f.checkpoints.get(f.checkpoints.size() - 1).checkpoint();
        List<LogHead> heads = new java.util.ArrayList<>(last.logs());
        heads.add(new LogHead(VoidLeaf.logId(5), 1, "00".repeat(32)));
        f.checkpoints.set(f.checkpoints.size() - 1, Ed25519Keys.sign(new Checkpoint(last.origin(), last.sequence(),
                last.issuedAt(), heads), f.privateKey, f.publicKey));

        Checklist checklist = f.audit(null, null, f.publicKey);

        assertThat(check(checklist, MerkleLogsAgree.NUMBER).firstOffender())
                .startsWith("void log 1000000 (poll-events partition 0) at size 2: the log's root");
        assertThat(check(checklist, CheckpointsAgree.NUMBER).firstOffender()).isEqualTo("checkpoint #3 void log"
                + " 1000005 (poll-events partition 5): size 1 is beyond the log's 0 leaves");
    }

    @Test
    void talliesMustSubtractTheVoidedVotes() {
        LedgerFixture f = withVoids();
        f.extraDeltas.put("song", Map.of("a", 2L)); // the ledger forgot two negative deltas

        Checklist checklist = f.audit(null, Map.of("song", Map.of("a", 26L, "b", 14L), "color",
                Map.of("red", 4L, "blue", 5L)), f.publicKey);

        assertThat(check(checklist, TalliesAgree.NUMBER).firstOffender())
                .isEqualTo("poll song option a: votes has 24 rows not voided, tally_deltas sum 26");
        assertThat(check(checklist, PublishedTalliesAgree.NUMBER).firstOffender())
                .isEqualTo("poll song: the log counts {a=24, b=13}, vote-tallies shows {a=26, b=14}");
    }

    @Test
    void onePollsVoidsAreComparedAloneButEveryVoidLogStillCounts() {
        LedgerFixture f = withVoids();
        VoidRow song = f.voidRows.get(0);
        f.voidRows.set(0, new VoidRow(song.eventId(), song.pollId(), "other-flag", song.reason(), song.voidedAt(),
                song.namedVotes(), song.voidedVotes(), song.counted(), song.partition(), song.offset(), song.logId(),
                song.leafIndex()));

        Checklist color = f.audit("color", null, f.publicKey);

        assertThat(check(color, VoidsApplied.NUMBER).status()).isEqualTo(Status.PASS);
        assertThat(check(color, VoidsApplied.NUMBER).summary()).contains("4 voids in poll-events", "1 audited");
        assertThat(check(color, MerkleLogsAgree.NUMBER).status()).isEqualTo(Status.PASS);
        assertThat(check(color, CheckpointsAgree.NUMBER).status()).isEqualTo(Status.PASS);
        assertThat(check(f.audit(), VoidsApplied.NUMBER).firstOffender()).contains("flag_id expected flag-0,"
                + " found other-flag");
    }

    @Test
    void aVoidAppendedWhileTheAuditRanIsANoteAndItsPollIsLive() {
        LedgerFixture f = withVoids();
        UUID meanwhile = UUID.randomUUID();
        f.markVoided("color", "voter-3", new VoteRow.VoidMark(meanwhile, LedgerFixture.T0.plusSeconds(80), "bot swarm"));
        f.voidRows.add(new VoidRow(meanwhile, "color", "f", "bot swarm", LedgerFixture.T0.plusSeconds(80), 1, 1, true,
                1, 1, VoidLeaf.logId(1), 1L));

        Checklist checklist = f.audit(null, Map.of("song", Map.of("a", 24L, "b", 13L), "color",
                Map.of("red", 4L, "blue", 4L)), f.publicKey);

        assertThat(checklist.checks()).allSatisfy(c -> assertThat(c.status()).as(c.number() + " " + c.firstOffender())
                .isEqualTo(Status.PASS));
        assertThat(check(checklist, PublishedTalliesAgree.NUMBER).summary()).contains("1 live not compared");
        assertThat(f.audit.notes()).anySatisfy(n -> assertThat(n).contains("appended to poll-events while the audit"
                + " ran", "[color]"));
    }

    @Test
    void aLedgerBeforeV9PassesWithoutVoidsAndFailsWithThem() {
        LedgerFixture plain = LedgerFixture.mixed(keys);
        plain.voidRows = null;

        Checklist checklist = plain.audit();

        assertThat(check(checklist, VoidsApplied.NUMBER).status()).isEqualTo(Status.SKIP);
        assertThat(checklist.exitCode()).isZero();

        LedgerFixture f = withVoids();
        f.voidRows = null;
        f.votes.replaceAll(r -> new VoteRow(r.eventId(), r.pollId(), r.voterId(), r.optionId(), r.submittedAt(),
                r.partition(), r.offset(), r.leafIndex()));
        Check voids = check(f.audit(null, null, f.publicKey), VoidsApplied.NUMBER);
        assertThat(voids.status()).isEqualTo(Status.FAIL);
        assertThat(voids.firstOffender()).contains("per the log, the ledger counts it");
        assertThat(voids.summary()).contains("3 audited");
    }

    /** The ledger written again from the same log (after a test changed how the ledger behaves). */
    private static void rewrite(LedgerFixture f) {
        f.votes.clear();
        f.rejections.clear();
        f.merkleLogs.clear();
        f.checkpoints.clear();
        f.voidRows.clear();
        f.writeLedger();
    }
}
