package votes.perf.swarm;

/**
 * Where each population's votes come from, inside 127.0.0.0/8 (all of it is this host, so a socket can bind any
 * 127.x.y.z as its source and the gateway writes that address into X-Forwarded-For). A phase has its own block of
 * second octets, so the baseline's votes leave no per-address state (limits, velocity) that the measured phase's
 * population would inherit. Humans spread over many /24s; each bot strategy has its own block. Pure.
 */
final class AddressPlan {

    private static final int FIRST_OCTET = 20;
    /** 24 octets: up to 6,144 /24s of people (the default spreads them over 250). */
    private static final int HUMAN_OCTETS = 24;
    private static final int OCTETS_PER_STRATEGY = 4;
    /** Second octets of a phase: humans in the first {@link #HUMAN_OCTETS}, then four per bot strategy. */
    static final int PHASE_STRIDE = HUMAN_OCTETS + (Strategy.values().length - 1) * OCTETS_PER_STRATEGY;
    /** 0 = baseline, 1 = measured, 2 = the unreported warm-up before each, 3 = defended (people alone, defence on). */
    static final int PHASES = 4;
    /** The last second octet any phase uses (127.255.x.y is left alone: 127.255.255.255 is the block's broadcast). */
    static final int LAST_OCTET = FIRST_OCTET + PHASES * PHASE_STRIDE - 1;
    static final int MAX_HOST = 254;
    static final int MAX_HUMAN_NETS = HUMAN_OCTETS * 256;
    static final int MAX_BOT_NETS = OCTETS_PER_STRATEGY * 256;

    private final int base;

    AddressPlan(int phase) {
        if (phase < 0 || phase >= PHASES) {
            throw new IllegalArgumentException("phase 0 (baseline), 1 (measured), 2 (warm-up) or 3 (defended), not "
                    + phase);
        }
        this.base = FIRST_OCTET + PHASE_STRIDE * phase;
    }

    /** The i-th person: /24 number {@code i % nets}, so consecutive people land in different networks. */
    String human(int i, int nets) {
        if (nets < 1 || nets > MAX_HUMAN_NETS || i / nets + 1 > MAX_HOST) {
            throw new IllegalArgumentException(i + " humans over " + nets + " /24s do not fit");
        }
        int net = i % nets;
        return address(base + net / 256, net % 256, i / nets + 1);
    }

    /** Host {@code host} (1..254) of the strategy's /24 number {@code net}. */
    String bot(Strategy strategy, int net, int host) {
        if (net < 0 || net >= MAX_BOT_NETS || host < 1 || host > MAX_HOST) {
            throw new IllegalArgumentException("no bot address net " + net + " host " + host);
        }
        int octet = base + HUMAN_OCTETS + (strategy.ordinal() - 1) * OCTETS_PER_STRATEGY + net / 256;
        return address(octet, net % 256, host);
    }

    /** The i-th of many scattered addresses (a proxy network): /24 number {@code i % nets}. */
    String scattered(Strategy strategy, int i, int nets) {
        return bot(strategy, i % nets, i / nets + 1);
    }

    /** The /24 an IPv4 address is in, as the limits' prefix key sees it ("127.20.3"). */
    static String prefix24(String address) {
        return address.substring(0, address.lastIndexOf('.'));
    }

    private static String address(int second, int third, int host) {
        return "127." + second + "." + third + "." + host;
    }
}
