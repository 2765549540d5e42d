package votes.infra.gateway;

/** The services behind the one origin. */
public enum Upstream {
    INGEST, LEDGER, REALTIME
}
