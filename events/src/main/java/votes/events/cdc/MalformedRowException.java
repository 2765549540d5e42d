package votes.events.cdc;

/** A CDC row that cannot be read as a ledger row. */
public class MalformedRowException extends RuntimeException {

    public MalformedRowException(String message) {
        super(message);
    }
}
