package votes.infra.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import votes.infra.relay.RelayReset;

@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {"Recovers a CDC relay that cannot resume (readiness 503, cdc_relay_resume_failed 1, or its slot's"
                + " wal_status lost; see ledger/README.md, \"Recovery: a fresh snapshot\"): stops the relay, runs"
                + " CdcRelay --reset with the relay's environment (drops the replication slot, deletes the offsets"
                + " file), then starts the relay again, which snapshots tally_deltas and polls whole and streams from a"
                + " new slot. Projections skip the deltas they already applied; read the README's caveat about deltas"
                + " older than PROJECTIONS_DEDUP_RETENTION. Needs the stack's PostgreSQL.",
                "Exit 0: reset (and the relay started again); 1: refused, a relay still holds the slot; 2: could not"
                        + " run (PostgreSQL unreachable, relay not built, or it did not start again)."})
final class RelayResetCommand implements Callable<Integer> {

    @Option(names = "--no-start", description = "Do not start the relay after the reset (./vote up starts it).")
    boolean noStart;

    @Override
    public Integer call() {
        try {
            return new RelayReset(Cli.settings(), System.out::println).run(!noStart);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("relay reset: interrupted");
            return RelayReset.COULD_NOT_RUN;
        } catch (RuntimeException e) {
            System.err.println("relay reset: could not run: " + e.getMessage());
            return RelayReset.COULD_NOT_RUN;
        }
    }
}
