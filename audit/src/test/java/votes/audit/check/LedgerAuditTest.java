package votes.audit.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.nio.charset.StandardCharsets;
import votes.events.codec.EventCodec;
import votes.events.vote.VoteSubmitted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import votes.audit.ledger.RejectionRow;
import votes.audit.ledger.VoteRow;
import votes.proofs.checkpoint.Checkpoint;
import votes.proofs.checkpoint.Ed25519Keys;
import votes.proofs.checkpoint.LogHead;
import votes.proofs.checkpoint.SignedCheckpoint;
import votes.events.poll.Poll;

class LedgerAuditTest {

    @TempDir
    Path keys;

    @Test
    void aFaithfulLedgerPassesEveryCheck() {
        LedgerFixture f = LedgerFixture.mixed(keys);

        Checklist checklist = f.audit();

        assertThat(checklist.checks()).extracting(Check::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
                14);
        assertThat(checklist.checks()).allSatisfy(c -> assertThat(c.status()).as(c.number() + " " + c.summary())
                .isEqualTo(Status.PASS));
        assertThat(checklist.exitCode()).isZero();
        assertThat(check(checklist, 1).checked()).isEqualTo(54);
        assertThat(check(checklist, 3).checked()).isEqualTo(4); // duplicate, late, unknown option, unknown poll
        assertThat(check(checklist, 11).checked()).isEqualTo(2);
        assertThat(check(checklist, 12).checked()).isEqualTo(54);
    }

    @Test
    void aChangedOptionIsNamedWithExpectedAndFound() {
        LedgerFixture f = LedgerFixture.mixed(keys);
        VoteRow row = f.recorded("song", "voter-4");
        f.votes.set(f.votes.indexOf(row), new VoteRow(row.eventId(), row.pollId(), row.voterId(), "b", row.submittedAt(),
                row.partition(), row.offset(), row.leafIndex()));

        Checklist checklist = f.audit();

        assertThat(checklist.exitCode()).isEqualTo(1);
        Check rule = check(checklist, 2);
        assertThat(rule.status()).isEqualTo(Status.FAIL);
        assertThat(rule.failures()).isEqualTo(1);
        assertThat(rule.firstOffender()).contains(row.eventId().toString(), "poll song",
                "votes.submitted " + row.partition() + "@" + row.offset(), "option_id expected a, found b");
        assertThat(check(checklist, 8).status()).isEqualTo(Status.FAIL);
        assertThat(check(checklist, 8).firstOffender()).contains("poll song option");
        // The rows no longer hash to the signed root: tampering shows against the Merkle log too.
        assertThat(check(checklist, 10).status()).isEqualTo(Status.FAIL);
        assertThat(check(checklist, 10).firstOffender()).contains("log " + row.partition(), "votes rows hash to");
        assertThat(check(checklist, 1).status()).isEqualTo(Status.PASS);
    }

    @Test
    void aDeletedVoteIsNamedAsMissing() {
        LedgerFixture f = LedgerFixture.mixed(keys);
        VoteRow row = f.recorded("color", "voter-3");
        f.votes.remove(row);

        Checklist checklist = f.audit();

        assertThat(checklist.exitCode()).isEqualTo(1);
        Check missing = check(checklist, 1);
        assertThat(missing.status()).isEqualTo(Status.FAIL);
        assertThat(missing.failures()).isEqualTo(1);
        assertThat(missing.firstOffender()).contains(row.eventId().toString(), "poll color",
                "expected recorded (option blue)", "found in neither");
        assertThat(check(checklist, 10).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void aDeletedRejectionIsNamedAsMissing() {
        LedgerFixture f = LedgerFixture.mixed(keys);
        RejectionRow late = f.rejections.stream().filter(r -> r.voterId().equals("late")).findFirst().orElseThrow();
        f.rejections.remove(late);

        Checklist checklist = f.audit();

        assertThat(check(checklist, 1).firstOffender()).contains(late.eventId().toString(), "expected rejected (poll-not-open)");
        assertThat(check(checklist, 10).status()).isEqualTo(Status.PASS);
    }

    @Test
    void aRowWithoutAnEventAndAWrongReasonAreNamed() {
        LedgerFixture f = LedgerFixture.mixed(keys);
        UUID forged = UUID.randomUUID();
        f.rejections.add(new RejectionRow(forged, "song", "ghost", "a", "duplicate", LedgerFixture.T0, 0, 1));
        RejectionRow dup = f.rejections.stream().filter(r -> r.reason().equals("duplicate")).findFirst().orElseThrow();
        f.rejections.set(f.rejections.indexOf(dup), new RejectionRow(dup.eventId(), dup.pollId(), dup.voterId(),
                dup.optionId(), "poll-not-open", dup.submittedAt(), dup.partition(), dup.offset()));

        Checklist checklist = f.audit();

        assertThat(check(checklist, 4).firstOffender()).contains(forged.toString(), "no such event");
        assertThat(check(checklist, 3).firstOffender()).contains(dup.eventId().toString(),
                "reason expected duplicate, found poll-not-open");
    }

    @Test
    void anEventBothRecordedAndRejectedIsNamed() {
        LedgerFixture f = LedgerFixture.mixed(keys);
        VoteRow row = f.recorded("song", "voter-7");
        f.rejections.add(new RejectionRow(row.eventId(), row.pollId(), row.voterId(), row.optionId(), "duplicate",
                row.submittedAt(), row.partition(), row.offset()));

        Checklist checklist = f.audit();

        assertThat(check(checklist, 5).firstOffender()).contains(row.eventId().toString(), "in votes and in rejections");
        assertThat(check(checklist, 3).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void publishedTalliesThatDifferAreNamedByPoll() {
        LedgerFixture f = LedgerFixture.mixed(keys);

        Checklist checklist = f.audit(null, Map.of("song", Map.of("a", 26L, "b", 14L)), f.publicKey);

        Check published = check(checklist, 9);
        assertThat(published.status()).isEqualTo(Status.FAIL);
        assertThat(published.firstOffender()).startsWith("poll color: ").contains("vote-tallies has no tally");
    }

    @Test
    void aCheckpointWithAnotherRootOrSignatureFails() {
        LedgerFixture f = LedgerFixture.mixed(keys);
        SignedCheckpoint good = f.checkpoints.get(0);
        Checkpoint c = good.checkpoint();
        LogHead head = c.logs().get(0);
        Checkpoint forged = new Checkpoint(c.origin(), c.sequence(), c.issuedAt(), List.of(
                new LogHead(head.log(), head.size(), "00".repeat(32)), c.logs().get(1)));
        f.checkpoints.set(0, Ed25519Keys.sign(forged, f.privateKey, f.publicKey));
        f.checkpoints.set(1, new SignedCheckpoint(f.checkpoints.get(1).checkpoint(), good.signature(), null, "x"));

        Checklist checklist = f.audit();

        Check checkpoints = check(checklist, 11);
        assertThat(checkpoints.failures()).isEqualTo(2);
        assertThat(checkpoints.firstOffender()).contains("checkpoint #1 log 0", "the checkpoint says " + "00".repeat(32));
    }

    @Test
    void withoutATrustedKeyTheAuditIsIncomplete() {
        LedgerFixture f = LedgerFixture.mixed(keys);

        Checklist checklist = f.audit(null, null, null);

        assertThat(check(checklist, 11).status()).isEqualTo(Status.ERROR);
        assertThat(checklist.exitCode()).isEqualTo(2);
    }

    @Test
    void onePollIsComparedAloneButTheMerkleLogsStillCoverAll() {
        LedgerFixture f = LedgerFixture.mixed(keys);
        VoteRow other = f.recorded("song", "voter-2");
        f.votes.set(f.votes.indexOf(other), new VoteRow(other.eventId(), other.pollId(), other.voterId(), "b",
                other.submittedAt(), other.partition(), other.offset(), other.leafIndex()));

        Checklist checklist = f.audit("color", null, f.publicKey);

        assertThat(check(checklist, 1).checked()).isEqualTo(11); // 10 votes and the unknown option
        assertThat(check(checklist, 2).status()).isEqualTo(Status.PASS);
        assertThat(check(checklist, 8).status()).isEqualTo(Status.PASS);
        assertThat(check(checklist, 10).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void aVoteKeyedOtherwiseThanPollAndVoterIsNamed() {
        LedgerFixture f = LedgerFixture.mixed(keys);
        LedgerFixture.Event e = f.log.get(7);
        f.log.set(7, new LedgerFixture.Event(e.vote(), e.vote().pollId(), e.partition(), e.offset()));

        Checklist checklist = f.audit();

        Check keyed = check(checklist, 12);
        assertThat(keyed.status()).isEqualTo(Status.FAIL);
        assertThat(keyed.failures()).isEqualTo(1);
        assertThat(keyed.firstOffender()).contains("event " + e.vote().eventId(),
                "votes.submitted " + e.partition() + "@" + e.offset(), "key \"" + e.vote().pollId() + "\"",
                "expected \"" + e.key() + "\"");
        assertThat(checklist.exitCode()).isEqualTo(1);
    }

    @Test
    void aMissingCheckpointIsAGapInTheSequence() {
        LedgerFixture f = LedgerFixture.mixed(keys);
        f.checkpoints.remove(0);

        Check checkpoints = check(f.audit(), 11);

        assertThat(checkpoints.status()).isEqualTo(Status.FAIL);
        assertThat(checkpoints.firstOffender()).isEqualTo("checkpoint #1 missing before #2 (deleted? the ledger numbers"
                + " them 1, 2 … without gaps)");
    }

    @Test
    void leavesWithoutAnyCheckpointAreCheckpointsRemoved() {
        LedgerFixture f = LedgerFixture.mixed(keys);
        f.checkpoints.clear();

        Checklist checklist = f.audit();

        assertThat(check(checklist, 11).status()).isEqualTo(Status.FAIL);
        assertThat(check(checklist, 11).firstOffender()).contains("leaves but the checkpoints table is empty");
        assertThat(checklist.exitCode()).isEqualTo(1);
    }

    @Test
    void aPollVotedPastTheEndOffsetsIsNotComparedWithItsPublishedTally() {
        LedgerFixture f = LedgerFixture.mixed(keys);
        VoteRow row = f.recorded("song", "voter-5");
        // A vote the ledger recorded after the replay took its end offsets: counted by the projections already.
        f.votes.add(new VoteRow(UUID.randomUUID(), "song", "newcomer", "a", LedgerFixture.T0, row.partition(),
                f.end(row.partition()), null));

        Checklist checklist = f.audit();

        assertThat(check(checklist, 9).status()).isEqualTo(Status.PASS);
        assertThat(check(checklist, 9).summary()).contains("1 live not compared");
        assertThat(f.audit.notes()).anySatisfy(n -> assertThat(n).contains("[song]", "past the replay's end offsets"));
        assertThat(checklist.exitCode()).isZero();
    }

    @Test
    void aPollTheLedgerSaysIsLiveIsNotComparedEither() {
        LedgerFixture f = LedgerFixture.mixed(keys);

        Checklist checklist = f.audit(null, Map.of("song", Map.of("a", 99L), "color", Map.of("red", 5L, "blue", 5L)),
                f.publicKey, Set.of("song"), null);

        assertThat(check(checklist, 9).status()).isEqualTo(Status.PASS);
        assertThat(f.audit(null, Map.of("song", Map.of("a", 99L), "color", Map.of("red", 5L, "blue", 5L)), f.publicKey,
                Set.of(), null).exitCode()).as("without the excuse").isEqualTo(1);
    }

    @Test
    void aPollClosedWhileTheAuditRanIsANoteNotAFailure() {
        LedgerFixture f = LedgerFixture.mixed(keys);
        Poll closed = new Poll(LedgerFixture.COLOR.pollId(), LedgerFixture.COLOR.title(), LedgerFixture.COLOR.options(),
                null, null, LedgerFixture.T0.plusSeconds(3600), LedgerFixture.COLOR.createdAt());
        f.ledgerPolls.put(closed.pollId(), closed);

        assertThat(check(f.audit(), 6).status()).as("no later fold: the ledger differs").isEqualTo(Status.FAIL);

        Checklist checklist = f.audit(null, null, f.publicKey, Set.of(), Map.of("song", LedgerFixture.SONG, "color", closed));

        assertThat(check(checklist, 6).status()).isEqualTo(Status.PASS);
        assertThat(f.audit.notes()).anySatisfy(n -> assertThat(n).contains("poll color was changed (closed)"));
    }

    static Check check(Checklist checklist, int number) {
        return checklist.checks().stream().filter(c -> c.number() == number).findFirst().orElseThrow();
    }

    @Test
    void aPoisonedLogAuditsCleanWhenItsPoisonIsRejectedMalformed() {
        LedgerFixture f = poisoned();

        Checklist checklist = f.audit();

        assertThat(checklist.checks()).allSatisfy(c -> assertThat(c.status()).as(c.number() + " " + c.summary())
                .isEqualTo(Status.PASS));
        assertThat(check(checklist, 3).checked()).isEqualTo(2); // the NUL voter and the record without a voter id
        assertThat(f.rejections).filteredOn(r -> r.reason().equals("malformed")).hasSize(2)
                .allSatisfy(r -> assertThat(r.voterId()).isNull());
    }

    @Test
    void aMalformedRejectionKeepingWhatItsRecordCouldNotStoreIsNamed() {
        LedgerFixture f = poisoned();
        RejectionRow row = f.rejections.stream().filter(r -> r.reason().equals("malformed")).findFirst().orElseThrow();
        f.rejections.set(f.rejections.indexOf(row), new RejectionRow(row.eventId(), row.pollId(), "a?b", row.optionId(),
                row.reason(), row.submittedAt(), row.partition(), row.offset()));

        Checklist checklist = f.audit();

        assertThat(checklist.exitCode()).isEqualTo(1);
        assertThat(check(checklist, 3).firstOffender()).contains("voter_id expected null, found a?b");
    }

    @Test
    void poisonTheLedgerNeverJudgedIsMissing() {
        LedgerFixture f = poisoned();
        f.rejections.removeIf(r -> r.reason().equals("malformed"));

        Checklist checklist = f.audit();

        assertThat(checklist.exitCode()).isEqualTo(1);
        assertThat(check(checklist, 1).firstOffender()).contains("expected rejected (malformed)");
    }

    /** Votes with poison between them: a NUL in a voter id, garbage, a record without a voter id. */
    private LedgerFixture poisoned() {
        LedgerFixture f = new LedgerFixture(keys);
        f.submit("song", "voter-1", "a", LedgerFixture.T0.plusSeconds(1));
        f.poison(EventCodec.encode(VoteSubmitted.of(UUID.randomUUID(), "song", "a\u0000b", "a",
                LedgerFixture.T0.plusSeconds(2), null, null)));
        f.poison("<html>".getBytes(StandardCharsets.UTF_8));
        f.poison(("{\"schemaVersion\":1,\"eventId\":\"" + UUID.randomUUID() + "\",\"pollId\":\"song\","
                + "\"optionId\":\"a\",\"submittedAt\":\"2026-11-21T08:00:03Z\"}").getBytes(StandardCharsets.UTF_8));
        f.submit("song", "voter-2", "b", LedgerFixture.T0.plusSeconds(3));
        f.writeLedger();
        return f;
    }
}
