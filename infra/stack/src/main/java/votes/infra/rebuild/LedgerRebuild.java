package votes.infra.rebuild;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import votes.events.topic.Topics;
import votes.infra.kafka.ConsumerGroups;
import votes.infra.kafka.security.KafkaAccess;
import votes.infra.postgres.PostgresConfig;
import votes.infra.postgres.PostgresRoles;
import votes.infra.postgres.Psql;
import votes.infra.postgres.role.DatabaseRole;
import votes.infra.service.ServiceProcess;
import votes.infra.service.ServiceSpec;
import votes.infra.stack.Probes;
import votes.infra.stack.RunFiles;
import votes.infra.stack.StackException;
import votes.infra.stack.StackPorts;
import votes.infra.stack.StackSettings;

/**
 * {@code ./vote ledger rebuild}: fills an empty database from {@code votes.submitted} and {@code poll-events} alone
 * with a second ledger process (the stack's packaged ledger in rebuild mode, its own consumer groups, no periodic
 * checkpoints), stops it, copies the original's signed checkpoints over and compares the two databases. The running
 * stack is not disturbed: its ledger keeps its database and groups, and nothing is appended to any topic (a rebuild
 * ledger appends no dead letters and closes no poll; the admin API of it is never called).
 */
public final class LedgerRebuild {

    /** The ledger's own database and groups, as the stack runs them. */
    static final String ORIGINAL_DATABASE = PostgresConfig.DATABASE;
    static final String ORIGINAL_VOTES_GROUP = "ledger";
    static final String ORIGINAL_POLLS_GROUP = "ledger-polls";
    /** pid, port and log files of the rebuilding ledger: run/ledger-rebuild.*, logs/ledger-rebuild.log. */
    static final String COMPONENT = "ledger-rebuild";
    /** Every psql the rebuild runs, with what it printed: logs/ledger-rebuild-sql.log. */
    static final String SQL_LOG = COMPONENT + "-sql";
    /** Kafka admin requests; the broker is local. */
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(15);
    private static final int STEPS = 7;

    private final StackSettings settings;
    private final Consumer<String> progress;

    public LedgerRebuild(StackSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public static String votesGroup(String stamp) {
        return "ledger-rebuild-" + stamp;
    }

    public static String pollsGroup(String stamp) {
        return "ledger-polls-rebuild-" + stamp;
    }

    /**
     * The rebuild's group on votes.flags (issue 11): the ledger's default for its {@code LEDGER_GROUP}, set explicitly
     * so the command knows what to delete.
     */
    public static String flagsGroup(String votesGroup) {
        return votesGroup + "-flags";
    }

    /**
     * @throws StackException when it could not run (the stack is down, the database exists, the ledger did not start
     *                        or catch up); the message says what, and what was left behind
     */
    public RebuildReport run(RebuildOptions options) throws InterruptedException {
        long started = System.nanoTime();
        String database = options.database();
        String votesGroup = votesGroup(options.stamp());
        String pollsGroup = pollsGroup(options.stamp());
        Psql psql = Psql.of(settings, settings.logFile(SQL_LOG));
        int port = StackPorts.freePort();
        ServiceSpec spec = new ServiceSpec(COMPONENT, "rebuilding ledger", ServiceSpec.LEDGER.module(), ports -> port,
                null);
        ServiceProcess ledger = new ServiceProcess(settings, spec, Map.of(
                "LEDGER_REBUILD", "true",
                "PG_DATABASE", database,
                "LEDGER_GROUP", votesGroup,
                "LEDGER_POLLS_GROUP", pollsGroup,
                "LEDGER_FLAGS_GROUP", flagsGroup(votesGroup),
                // The original's checkpoints are copied in afterwards; this ledger signs none of its own.
                "CHECKPOINT_INTERVAL", "0"));
        refuseASecondRebuild(spec, ledger);
        try (ConsumerGroups kafka = new ConsumerGroups(KafkaAccess.of(settings).admin(), KAFKA_TIMEOUT)) {
            if (!kafka.existing(List.of(votesGroup, pollsGroup, flagsGroup(votesGroup))).isEmpty()) {
                throw new StackException("consumer group " + votesGroup + ", " + pollsGroup + " or "
                        + flagsGroup(votesGroup) + " exists already");
            }
            if ("1".equals(psql.query("postgres", "SELECT 1 FROM pg_database WHERE datname = '" + database + "'"))) {
                throw new StackException("database " + database + " exists; a rebuild fills a new one (another"
                        + " --database, or DROP DATABASE " + database + ")");
            }
            // Votes' ends first: a vote names a poll created before it, so every poll a vote below these ends names
            // is below the poll-events ends taken next (the audit takes them in the same order).
            EndOffsets ends = new EndOffsets(kafka.endOffsets(Topics.VOTES_SUBMITTED), kafka.endOffsets(Topics.POLL_EVENTS));
            psql.query("postgres", "CREATE DATABASE " + database + " OWNER " + DatabaseRole.OWNER.user());
            // The same roles and grants as the stack's own database: the rebuilding ledger migrates as the owner and
            // writes as its runtime role, the audit of the rebuild reads as the reader.
            psql.query(database, PostgresRoles.databaseSql(database));
            step(1, "database " + database + " created, owned by " + DatabaseRole.OWNER.user());
            step(2, String.format(Locale.ROOT, "end offsets: %s %,d records in %d partitions, %s %,d in %d",
                    Topics.VOTES_SUBMITTED, sum(ends.votes()), ends.votes().size(), Topics.POLL_EVENTS,
                    sum(ends.polls()), ends.polls().size()));
            try {
                return rebuild(options, psql, kafka, ledger, ends, started);
            } catch (RuntimeException e) {
                throw new StackException(e.getMessage() + "; database " + database + " left as it is (drop it with"
                        + " DROP DATABASE " + database + ")" + (options.keepGroups() ? "" : deleteGroups(kafka,
                        votesGroup, pollsGroup)), e);
            }
        }
    }

    /** How long the rebuilding ledger took to start, to catch up and to stop. */
    private record LedgerRun(Duration start, Duration catchUp, Duration stop) {
    }

    private void refuseASecondRebuild(ServiceSpec spec, ServiceProcess ledger) {
        if (!ledger.isBuilt()) {
            throw new StackException("the ledger is not built (" + spec.jar(settings.repoRoot()) + " missing): ./mvnw -q"
                    + " -pl ledger -am package -DskipTests");
        }
        long running = ledger.pid().orElse(-1);
        // A pid file alone could name a process that reused the pid: it must run the ledger's jar, and not be the
        // stack's own ledger.
        boolean isRebuildLedger = running > 0 && running != new RunFiles(settings.runDir())
                .pid(ServiceSpec.LEDGER.name()).orElse(-1) && ProcessHandle.of(running)
                .flatMap(p -> p.info().commandLine())
                .filter(line -> line.contains(spec.jar(settings.repoRoot()).toString())).isPresent();
        if (isRebuildLedger) {
            throw new StackException("a rebuilding ledger runs already (pid " + running + ", "
                    + settings.runDir().resolve(COMPONENT + ".pid") + "): another ./vote ledger rebuild, or one left"
                    + " behind by a rebuild killed with -9; wait for it, or stop it (kill " + running + ")");
        }
        // Stale files of a run killed with -9: starting would signal whatever process has that pid now.
        new RunFiles(settings.runDir()).forget(COMPONENT);
    }

    private RebuildReport rebuild(RebuildOptions options, Psql psql, ConsumerGroups kafka, ServiceProcess ledger, EndOffsets ends,
                                  long started) throws InterruptedException {
        String database = options.database();
        String votesGroup = votesGroup(options.stamp());
        String pollsGroup = pollsGroup(options.stamp());
        LedgerRun run = runLedger(options, kafka, ledger, ends);

        long t = System.nanoTime();
        step(6, "comparing with the original database " + ORIGINAL_DATABASE + " ...");
        List<Check> checks = compare(options, psql, kafka, ends);
        Duration compare = since(t);

        if (options.keepGroups()) {
            step(7, "consumer groups " + votesGroup + " and " + pollsGroup + " kept (--keep-groups)");
        } else {
            kafka.delete(List.of(votesGroup, pollsGroup, flagsGroup(votesGroup)));
            step(7, "consumer groups " + votesGroup + ", " + pollsGroup + " and " + flagsGroup(votesGroup)
                    + " deleted");
        }
        return new RebuildReport(database, votesGroup, pollsGroup, options.keepGroups(), sum(ends.votes()),
                sum(ends.polls()), checks, new RebuildReport.Timings(run.start(), run.catchUp(), run.stop(), compare,
                since(started)), settings.pgLogin(DatabaseRole.READER).url("127.0.0.1:" + settings.ports().postgres(), database),
                settings.kafkaBootstrap());
    }

    /** Steps 3 to 5: the rebuilding ledger starts, reads to the end offsets and stops, even when interrupted. */
    private LedgerRun runLedger(RebuildOptions options, ConsumerGroups kafka, ServiceProcess ledger, EndOffsets ends)
            throws InterruptedException {
        String database = options.database();
        String votesGroup = votesGroup(options.stamp());
        String pollsGroup = pollsGroup(options.stamp());
        Thread stopOnExit = new Thread(() -> {
            ledger.stop();
            say("interrupted: the rebuilding ledger is stopped; database " + database + " and consumer groups "
                    + votesGroup + ", " + pollsGroup + " are left (DROP DATABASE " + database + "; Kafka's"
                    + " ConsumerGroupCommand --delete)");
        }, "ledger-rebuild-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            long t = System.nanoTime();
            ledger.start();
            Duration ledgerStart = since(t);
            step(3, String.format(Locale.ROOT, "rebuilding ledger ready in %.1f s (pid %d, http://127.0.0.1:%d,"
                            + " groups %s and %s); log %s", seconds(ledgerStart), ledger.pid().orElse(-1),
                    ledger.port(), votesGroup, pollsGroup, settings.logFile(COMPONENT)));
            step(4, "catching up to the end offsets ...");
            long pid = ledger.pid().orElse(-1);
            Duration catchUp = CatchUp.await(kafka, ends.targets(votesGroup, pollsGroup), options.timeout(),
                    () -> Probes.alive(pid), line -> say("  " + line));
            t = System.nanoTime();
            ledger.stop();
            Duration stop = since(t);
            step(5, String.format(Locale.ROOT, "caught up in %.1f s; ledger stopped in %.1f s", seconds(catchUp),
                    seconds(stop)));
            return new LedgerRun(ledgerStart, catchUp, stop);
        } finally {
            ledger.stop();
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException exiting) {
                // the JVM is shutting down: the hook runs anyway
            }
        }
    }

    /** Step 6: both databases read at the same end offsets, the original's checkpoints copied over, the checks. */
    private List<Check> compare(RebuildOptions options, Psql psql, ConsumerGroups kafka, EndOffsets ends)
            throws InterruptedException {
        String database = options.database();
        // Counts below the end offsets mean something only once the original ledger has judged every record below
        // them too (it normally has: it is live).
        try {
            CatchUp.await(kafka, ends.targets(ORIGINAL_VOTES_GROUP, ORIGINAL_POLLS_GROUP), options.timeout(),
                    () -> true, line -> { });
        } catch (StackException e) {
            throw new StackException("the original ledger has not reached the end offsets the rebuild read to, so the"
                    + " two cannot be compared (is it running? ./vote status): " + e.getMessage());
        }
        LedgerFacts rebuilt = LedgerFacts.read(psql, database, ends.votes());
        LedgerFacts original = LedgerFacts.read(psql, ORIGINAL_DATABASE, ends.votes());
        boolean votesMoved = !kafka.endOffsets(Topics.VOTES_SUBMITTED).equals(ends.votes());
        boolean pollsMoved = !kafka.endOffsets(Topics.POLL_EVENTS).equals(ends.polls());

        Map<Integer, Set<Long>> common = RebuildChecks.commonSizes(original, rebuilt);
        Map<LogAt, String> originalRoots = StoredRoots.read(psql, ORIGINAL_DATABASE, common);
        CheckpointHeads checkpoints = CheckpointHeads.read(psql, ORIGINAL_DATABASE);
        Map<Integer, Set<Long>> rebuiltWanted = new TreeMap<>();
        common.forEach((log, sizes) -> rebuiltWanted.computeIfAbsent(log, l -> new TreeSet<>()).addAll(sizes));
        OptionalLong copiedUpTo = copyCheckpoints(psql, database, rebuilt, checkpoints, rebuiltWanted);
        Map<LogAt, String> rebuiltRoots = StoredRoots.read(psql, database, rebuiltWanted);
        return new RebuildChecks(original, rebuilt, originalRoots, rebuiltRoots, checkpoints, copiedUpTo,
                votesMoved, pollsMoved).checks();
    }

    /**
     * The original's checkpoints that the rebuilt logs cover, copied into the rebuilt database; the roots at their
     * sizes are added to {@code rebuiltWanted}. Empty when none is covered.
     */
    private OptionalLong copyCheckpoints(Psql psql, String database, LedgerFacts rebuilt, CheckpointHeads checkpoints,
                                         Map<Integer, Set<Long>> rebuiltWanted) {
        if (!"0".equals(psql.query(database, "SELECT count(*) FROM checkpoints"))) {
            throw new StackException("the rebuilding ledger signed checkpoints of its own in " + database
                    + "; it must not (CHECKPOINT_INTERVAL=0, no closes)");
        }
        Map<Integer, Long> rebuiltSizes = new HashMap<>();
        rebuilt.logs().forEach((log, head) -> rebuiltSizes.put(log, head.size()));
        OptionalLong copiedUpTo = checkpoints.lastCovered(rebuiltSizes);
        if (copiedUpTo.isPresent()) {
            CheckpointCopy.upTo(psql, ORIGINAL_DATABASE, database, copiedUpTo.getAsLong(),
                    settings.logFile(COMPONENT).getParent());
            checkpoints.upTo(copiedUpTo.getAsLong()).forEach(head ->
                    rebuiltWanted.computeIfAbsent(head.log(), l -> new TreeSet<>()).add(head.size()));
        }
        return copiedUpTo;
    }

    /** Best effort after a failure: the rebuild's groups are no use to anyone. */
    private static String deleteGroups(ConsumerGroups kafka, String votesGroup, String pollsGroup) {
        try {
            kafka.delete(List.of(votesGroup, pollsGroup, flagsGroup(votesGroup)));
            return "; its consumer groups deleted";
        } catch (RuntimeException e) {
            return "; its consumer groups " + votesGroup + ", " + pollsGroup + " could not be deleted: " + e.getMessage();
        }
    }

    private void step(int index, String what) {
        say("[" + index + "/" + STEPS + "] " + what);
    }

    private void say(String line) {
        progress.accept(line);
    }

    private static long sum(Map<Integer, Long> ends) {
        return ends.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
