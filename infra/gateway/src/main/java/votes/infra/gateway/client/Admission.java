package votes.infra.gateway.client;

/** What the gateway does with a new client connection. */
public enum Admission {
    /** Counted against the caps; served. */
    ADMITTED("admitted"),
    /** Its address already holds the per-client cap: its request gets 429 problem+json, then the connection closes. */
    CLIENT_OVER_CAP("client-over-cap"),
    /** The gateway holds its total cap (its descriptor budget): closed at once, nothing is read. */
    GATEWAY_FULL("gateway-full");

    private final String label;

    Admission(String label) {
        this.label = label;
    }

    /** As in metrics and logs. */
    public String label() {
        return label;
    }
}
