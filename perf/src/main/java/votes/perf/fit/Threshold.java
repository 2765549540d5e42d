package votes.perf.fit;

import java.util.List;

/** What a model decides for a group of scorings at the shipped thresholds, as shares in percent. */
final class Threshold {

    private Threshold() {
    }

    record Shares(double challenge, double flag, double refuse) {
    }

    static Shares shares(List<Sample> group, LogisticFit.Model model, ShippedModel thresholds) {
        int challenge = 0;
        int flag = 0;
        int refuse = 0;
        for (Sample sample : group) {
            double score = model.score(sample.features());
            challenge += score >= thresholds.challenge() ? 1 : 0;
            flag += score >= thresholds.flag() ? 1 : 0;
            refuse += score >= thresholds.refuse() ? 1 : 0;
        }
        double percent = 100.0 / Math.max(1, group.size());
        return new Shares(challenge * percent, flag * percent, refuse * percent);
    }
}
