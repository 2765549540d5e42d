package votes.events.cdc;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A row of the ledger as the CDC relay publishes it, already parsed. Both kinds travel together through
 * one repartition topic keyed by poll id, so a poll's deltas and its poll rows stay in one order.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "row")
@JsonSubTypes({
        @JsonSubTypes.Type(value = DeltaRow.class, name = "delta"),
        @JsonSubTypes.Type(value = PollRow.class, name = "poll")
})
public sealed interface LedgerRow permits DeltaRow, PollRow {

    String pollId();
}
