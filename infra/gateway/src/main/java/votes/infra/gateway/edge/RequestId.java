package votes.infra.gateway.edge;

import votes.kit.request.RequestIds;

/**
 * The X-Request-Id of a request through the gateway, decided once at the edge and forwarded to the service: the
 * client's own when it is sane (service-kit's RequestIds judges it, so the service keeps it), a fresh one otherwise.
 * The service echoes it; the gateway's access line and its own answers carry the same.
 */
public final class RequestId {

    public static final String HEADER = RequestIds.HEADER;

    private RequestId() {
    }

    public static String decide(String incoming) {
        return RequestIds.sane(incoming) ? incoming : RequestIds.fresh();
    }
}
