package votes.audit.cli;

/** A step found the audit cannot be complete (exit 2); the message says why and what to do. */
final class CouldNotRun extends Exception {

    CouldNotRun(String message) {
        super(message);
    }
}
