package votes.infra.rebuild;

import java.util.List;
import java.util.Map;
import votes.events.topic.Topics;

/**
 * The end offsets of both topics when a rebuild began, per partition: what the rebuilding ledger reads to, and where
 * both ledgers are compared.
 */
record EndOffsets(Map<Integer, Long> votes, Map<Integer, Long> polls) {

    /** A pair of consumer groups (votes, polls) that must reach these ends. */
    List<CatchUp.Target> targets(String votesGroup, String pollsGroup) {
        return List.of(new CatchUp.Target(votesGroup, Topics.VOTES_SUBMITTED, votes),
                new CatchUp.Target(pollsGroup, Topics.POLL_EVENTS, polls));
    }
}
