package votes.ledger.relay.slot;

import java.util.Optional;

/**
 * The outcome of one look at the slot: its state (empty: no such slot), or why PostgreSQL could not be asked.
 */
public record SlotReading(Optional<SlotState> state, String error) {

    public static SlotReading of(Optional<SlotState> state) {
        return new SlotReading(state, null);
    }

    public static SlotReading failed(String error) {
        return new SlotReading(Optional.empty(), error);
    }

    public boolean answered() {
        return error == null;
    }
}
