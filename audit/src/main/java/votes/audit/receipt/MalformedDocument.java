package votes.audit.receipt;

/**
 * JSON that claims to be a receipt or a checkpoint but is not a valid one (a malformed hash or root, a missing
 * member). Not "could not run": a damaged or forged document is a discrepancy the auditor must see as one.
 */
public final class MalformedDocument extends IllegalArgumentException {

    public MalformedDocument(String message, Throwable cause) {
        super(message, cause);
    }
}
