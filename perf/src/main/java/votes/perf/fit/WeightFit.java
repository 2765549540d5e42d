package votes.perf.fit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import votes.perf.report.CliErrors;

/**
 * Fits the bot model's weights on the bot-swarm benchmark's labelled traffic (issue 11, item 3): ingest's scorings
 * (its DEBUG lines) joined to the swarm's CSVs, a non-negative L2 logistic regression with the classes balanced,
 * checked on held-out voters against the shipped model, then fitted on all and printed as application.properties
 * lines. It fits the simulator: the people it knows are the swarm's, so a fitted weight that lets one weak signal
 * challenge alone deserves a look before it ships.
 */
@Command(name = "weight-fit", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fit vote.bot.* weights on perf/run-bots.sh's labelled traffic and compare with the shipped ones.")
public final class WeightFit implements Callable<Integer> {

    @Option(names = "--ingest-log", required = true, split = ",",
            description = "ingest's log(s) with 'bot features' DEBUG lines (QUARKUS_LOG_CATEGORY__VOTES_INGEST_BOT__LEVEL=DEBUG).")
    List<Path> logs;

    @Option(names = "--swarm-csv", required = true, split = ",", description = "The swarm's labelled CSV(s) of the same run(s).")
    List<Path> csvs;

    @Option(names = "--voter-id-key-file", required = true,
            description = "The stack's voter-id key (\\$VOTE_HOME/secrets/voter-id-key): maps subjects to pseudonyms.")
    Path keyFile;

    @Option(names = "--properties", defaultValue = "ingest/src/main/resources/application.properties",
            description = "ingest's application.properties: the shipped model to compare with. Default: ${DEFAULT-VALUE}.")
    Path properties;

    @Option(names = "--bias", description = "Keep this bias (the prior: e.g. the shipped -4, 1.8 %% at no signal) and fit"
            + " only the weights; without it the bias is fitted on balanced classes (a 50 %% prior).")
    Double bias;

    @Option(names = "--lambda", defaultValue = "1.0",
            description = "L2 penalty on the weights (larger: smaller weights). Default: ${DEFAULT-VALUE}.")
    double lambda;

    public static void main(String[] args) {
        System.exit(CliErrors.run(new WeightFit(), args));
    }

    @Override
    public Integer call() throws Exception {
        ShippedModel shipped = ShippedModel.read(properties);
        List<ScoredVote> scorings = new ArrayList<>();
        logs.forEach(log -> scorings.addAll(FeatureLog.read(log)));
        Samples samples = Samples.join(scorings, csvs, Files.readString(keyFile).strip(), shipped.slugs());
        List<Sample> all = samples.labelled();
        System.out.printf("%d scorings read, %d labelled (%d of unknown voters left out)%n", scorings.size(),
                all.size(), samples.unlabelled());
        if (all.stream().noneMatch(Sample::bot) || all.stream().allMatch(Sample::bot)) {
            System.err.println("need scorings of both bots and people to fit: run perf/run-bots.sh with the DEBUG line on");
            return 2;
        }
        List<Sample> train = all.stream().filter(Samples::inFirstHalf).toList();
        List<Sample> test = all.stream().filter(Predicate.not(Samples::inFirstHalf)).toList();
        LogisticFit.Model half = fit(train);
        System.out.printf("%nHeld-out voters (%d scorings; fitted on the other %d):%n", test.size(), train.size());
        report(test, shipped, half);
        LogisticFit.Model fitted = fit(all);
        System.out.printf("%nFitted on all %d scorings (lambda %.2f): as application.properties%n", all.size(), lambda);
        shipped.propertyLines(fitted).forEach(System.out::println);
        System.out.printf("%nAll scorings, shipped vs fitted:%n");
        report(all, shipped, fitted);
        return 0;
    }

    /** Each class weighs the same in all: the simulator's mix of people and bots is not the world's. */
    private LogisticFit.Model fit(List<Sample> samples) {
        long bots = samples.stream().filter(Sample::bot).count();
        long people = samples.size() - bots;
        double[][] x = new double[samples.size()][];
        double[] y = new double[samples.size()];
        double[] weight = new double[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            Sample sample = samples.get(i);
            x[i] = sample.features();
            y[i] = sample.bot() ? 1 : 0;
            weight[i] = samples.size() / 2.0 / (sample.bot() ? bots : people);
        }
        return new LogisticFit(lambda, bias).fit(x, y, weight);
    }

    private static void report(List<Sample> samples, ShippedModel shipped, LogisticFit.Model fitted) {
        Map<String, List<Sample>> byPopulation = new TreeMap<>();
        samples.forEach(sample -> byPopulation.computeIfAbsent(sample.population(), p -> new ArrayList<>()).add(sample));
        System.out.println("| population | scorings | shipped: ≥ challenge % | ≥ flag % | ≥ refuse % "
                + "| fitted: ≥ challenge % | ≥ flag % | ≥ refuse % |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        byPopulation.forEach((population, group) -> {
            Threshold.Shares before = Threshold.shares(group, shipped.model(), shipped);
            Threshold.Shares after = Threshold.shares(group, fitted, shipped);
            System.out.printf("| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |%n", population, group.size(),
                    before.challenge(), before.flag(), before.refuse(), after.challenge(), after.flag(), after.refuse());
        });
    }
}
