package votes.infra.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import votes.events.challenge.Hashcash;

@Command(name = "solve", mixinStandardHelpOptions = true,
        description = {"Prints a proof for a proof-of-work challenge (the nonce and difficulty of ingest's 403"
                + " challenge-required): SHA-256(nonce + \":\" + proof) starts with that many zero bits. Send it back"
                + " in the X-Vote-Proof header with the same ballot.",
                "  proof=$(./vote solve --nonce \"$nonce\" --difficulty 16)",
                "  curl -H \"X-Vote-Proof: $proof\" …",
                "Exit: 0 printed, 2 bad arguments (difficulty outside 0..32)."})
final class SolveCommand implements Callable<Integer> {

    @Option(names = "--nonce", required = true, description = "The challenge's nonce, as given (it is opaque).")
    String nonce;

    @Option(names = "--difficulty", required = true, description = "Leading zero bits, 0..32.")
    int difficulty;

    @Override
    public Integer call() {
        try {
            System.out.println(Hashcash.solve(nonce, difficulty));
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("vote solve: " + e.getMessage());
            return 2;
        }
    }
}
