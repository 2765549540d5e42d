package votes.events.codec;

/** The bytes are not an event this version of the contract understands. */
public class EventCodecException extends RuntimeException {
    public EventCodecException(String message, Throwable cause) {
        super(message, cause);
    }

    public EventCodecException(String message) {
        super(message);
    }
}
