package votes.perf.fit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import votes.events.key.VoterIds;
import votes.perf.swarm.SwarmCsv;

/**
 * Joins ingest's scorings to the swarm's labels: ingest logs the pseudonymous voter id, the swarm's CSV the token
 * subject, and the stack's voter-id key maps one to the other (the operator of a benchmark stack has it). Scorings
 * of voters no CSV names (another run's, a warm-up's) are left out and counted.
 */
public record Samples(List<Sample> labelled, int unlabelled) {

    public static Samples join(List<ScoredVote> scorings, List<Path> csvs, String voterIdKey, List<String> slugs) {
        VoterIds ids = new VoterIds(voterIdKey);
        Map<String, SwarmCsv.Voter> byPseudonym = new HashMap<>();
        for (Path csv : csvs) {
            SwarmCsv.voters(csv).values().forEach(voter -> byPseudonym.put(ids.of(voter.subject()), voter));
        }
        List<Sample> labelled = new ArrayList<>();
        int unlabelled = 0;
        for (ScoredVote scored : scorings) {
            SwarmCsv.Voter voter = byPseudonym.get(scored.voterId());
            if (voter == null) {
                unlabelled++;
                continue;
            }
            double[] x = new double[slugs.size()];
            for (int j = 0; j < x.length; j++) {
                x[j] = scored.features().getOrDefault(slugs.get(j), 0.0);
            }
            labelled.add(new Sample(voter.strategy(), voter.bot(), scored.voterId(), x));
        }
        return new Samples(labelled, unlabelled);
    }

    /** Half of the voters, by their pseudonym: a voter's two scorings (attempt, retry) stay on one side. */
    public static boolean inFirstHalf(Sample sample) {
        return (sample.voterId().hashCode() & 1) == 0;
    }
}
