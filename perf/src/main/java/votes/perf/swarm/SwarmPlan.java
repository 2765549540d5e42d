package votes.perf.swarm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Every vote of one phase, decided before anything is sent (same seed, same swarm): pure, so its shape is tested
 * without a stack. Pacing: people arrive as a Poisson process over the first {@link #ARRIVAL_SHARE} of the phase and
 * think a while (log-normal, median {@link #THINK_MEDIAN_MS}) before voting; most bots vote at a steady rate (a
 * script's regular beat, ±{@link #BOT_JITTER} of the interval); bulk-tokens fires everything within
 * {@link #BULK_SPREAD_MS}; slow-bot paces like a person. Votes come back ordered by due time.
 */
public final class SwarmPlan {

    static final double ARRIVAL_SHARE = 0.8;
    static final double THINK_MEDIAN_MS = 6_000;
    static final double THINK_SIGMA = 0.6;
    /** A person's token was minted when they logged in: 2 to 15 minutes before the vote. */
    static final long HUMAN_TOKEN_MIN_AGE_MS = 120_000;
    static final long HUMAN_TOKEN_MAX_AGE_MS = 900_000;
    /** A bot's account token is fresh: minted up to a minute before use. */
    static final long BOT_TOKEN_MAX_AGE_MS = 60_000;
    /** Bulk tokens: all issued in one second, this long before the phase, and fired from this share of it. */
    static final long BULK_ISSUED_AT_MS = -30_000;
    static final double BULK_START_SHARE = 0.3;
    static final long BULK_SPREAD_MS = 2_000;
    static final double BOT_JITTER = 0.1;
    /** People split between the options; every bot pushes option b (the skew a prefix shows against the poll). */
    static final double HUMAN_SHARE_FOR_A = 0.55;
    static final int ROTATING_DEVICE_ADDRESSES = 4;
    static final int MACHINE_POW_ADDRESSES = 8;
    static final int SLOW_BOT_ADDRESSES = 3;
    static final int SCATTERED_NETS = 200;

    private final PlanSettings settings;
    private final Random random;
    private final AddressPlan addresses;
    private final List<PlannedVote> votes = new ArrayList<>();

    private SwarmPlan(PlanSettings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed() + settings.phase());
        this.addresses = new AddressPlan(settings.phase());
    }

    public static List<PlannedVote> of(PlanSettings settings) {
        SwarmPlan plan = new SwarmPlan(settings);
        plan.humans();
        for (Strategy s : Strategy.values()) {
            if (s.bot()) {
                plan.bots(s, settings.botCount(s));
            }
        }
        plan.votes.sort(Comparator.comparingLong(PlannedVote::dueMillis).thenComparingInt(PlannedVote::index));
        return List.copyOf(plan.votes);
    }

    private void humans() {
        long arrivalWindow = (long) (settings.durationMillis() * ARRIVAL_SHARE);
        long maxThink = settings.durationMillis() - arrivalWindow;
        for (int i = 0; i < settings.humans(); i++) {
            long arrival = (long) (random.nextDouble() * arrivalWindow);
            long think = Math.min(maxThink, Math.round(THINK_MEDIAN_MS * Math.exp(THINK_SIGMA * random.nextGaussian())));
            long due = arrival + think;
            long age = HUMAN_TOKEN_MIN_AGE_MS
                    + (long) (random.nextDouble() * (HUMAN_TOKEN_MAX_AGE_MS - HUMAN_TOKEN_MIN_AGE_MS));
            ClientProfile client = BrowserProfiles.human(random, settings.hintlessShare());
            String option = random.nextDouble() < HUMAN_SHARE_FOR_A ? "a" : "b";
            add(Strategy.HUMAN, i, addresses.human(i, settings.humanNets()), device(), client, due, due - age, option,
                    PlannedVote.NEVER_GIVES_UP, true);
        }
    }

    private void bots(Strategy s, int count) {
        for (int i = 0; i < count; i++) {
            long due = s == Strategy.BULK_TOKENS ? bulkDue()
                    : s == Strategy.SLOW_BOT ? (long) (random.nextDouble() * settings.durationMillis())
                    : steadyDue(i, count);
            long issuedAt = switch (s) {
                case BULK_TOKENS -> BULK_ISSUED_AT_MS;
                case SLOW_BOT -> due - HUMAN_TOKEN_MIN_AGE_MS - (long) (random.nextDouble() * HUMAN_TOKEN_MIN_AGE_MS);
                default -> due - (long) (random.nextDouble() * BOT_TOKEN_MAX_AGE_MS);
            };
            int giveUp = s == Strategy.MACHINE_POW ? PlannedVote.NEVER_GIVES_UP : settings.botGiveUpBits();
            botVote(s, i, due, issuedAt, giveUp);
        }
    }

    /** Where and as what each strategy's i-th vote comes. */
    private void botVote(Strategy s, int i, long due, long issuedAt, int giveUp) {
        switch (s) {
            case ONE_ADDRESS -> add(s, i, addresses.bot(s, 0, 1), device(), BrowserProfiles.posingBot(random), due,
                    issuedAt, "b", giveUp, false);
            case ROTATING_24 -> add(s, i, addresses.bot(s, 0, 1 + i % AddressPlan.MAX_HOST), device(),
                    BrowserProfiles.posingBot(random), due, issuedAt, "b", giveUp, false);
            case ROTATING_DEVICES -> add(s, i, addresses.bot(s, i % ROTATING_DEVICE_ADDRESSES, 10), device(),
                    BrowserProfiles.posingBot(random), due, issuedAt, "b", giveUp, false);
            case BULK_TOKENS -> add(s, i, addresses.scattered(s, i, SCATTERED_NETS), device(),
                    BrowserProfiles.posingBot(random), due, issuedAt, "b", giveUp, false);
            case HEADLESS -> {
                boolean chrome = i % 2 == 0;
                add(s, i, addresses.scattered(s, i, SCATTERED_NETS), chrome ? device() : null,
                        chrome ? BrowserProfiles.HEADLESS_CHROME : BrowserProfiles.PYTHON_REQUESTS, due, issuedAt, "b",
                        giveUp, false);
            }
            case MACHINE_POW -> add(s, i, addresses.bot(s, 0, 1 + i % MACHINE_POW_ADDRESSES), device(),
                    BrowserProfiles.posingBot(random), due, issuedAt, "b", giveUp, false);
            case SLOW_BOT -> {
                // A small pool of phones: each address keeps its device and its browser.
                int phone = i % SLOW_BOT_ADDRESSES;
                add(s, i, addresses.bot(s, phone, 20), "slow-phone-" + settings.phase() + "-" + phone,
                        BrowserProfiles.posingBot(new Random(settings.seed() + phone)), due, issuedAt, "b", giveUp,
                        false);
            }
            default -> throw new IllegalArgumentException("not a bot strategy: " + s);
        }
    }

    private long steadyDue(int i, int count) {
        double interval = (double) settings.durationMillis() / count;
        double jitter = (random.nextDouble() * 2 - 1) * BOT_JITTER * interval;
        return Math.max(0, Math.round(i * interval + jitter));
    }

    private long bulkDue() {
        return (long) (settings.durationMillis() * BULK_START_SHARE) + (long) (random.nextDouble() * BULK_SPREAD_MS);
    }

    private String device() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private void add(Strategy s, int i, String address, String deviceId, ClientProfile client, long due, long issuedAt,
                     String option, int giveUp, boolean browser) {
        String voter = "sw" + settings.phase() + "-" + s.slug() + "-" + i;
        votes.add(new PlannedVote(votes.size(), s, voter, address, deviceId, client, due, issuedAt, option, giveUp,
                browser));
    }
}
