package votes.ledger.vote;

/** One record of a consumed batch, where it sits in the log: a vote to judge, or poison. */
public sealed interface BatchRecord permits LedgerEntry, PoisonEntry {

    int partition();

    long offset();
}
