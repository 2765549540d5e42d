package votes.infra.stack;

/** A stack step failed; the message says what and where to look (usually a log file). */
public class StackException extends RuntimeException {
    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
