package votes.ledger.export;

import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestMulti;
import votes.kit.problem.ProblemException;
import votes.kit.problem.ProblemType;
import votes.ledger.poll.PollStore;

/**
 * {@code GET /api/v1/polls/{pollId}/export?format=jsonl|csv}: every ledger entry of the poll, streamed in chunks of
 * lines as the cursor yields them. Its own root path, like the chain resource, so it wins over the polls resource.
 */
@Path("/api/v1/polls/{pollId}/export")
@RolesAllowed({"admin", "auditor"})
public class ExportResource {

    /** Lines per HTTP chunk: a write per line would cost more than the query. */
    private static final int LINES_PER_CHUNK = 256;

    private final PollStore polls;
    private final LedgerExport export;

    ExportResource(PollStore polls, LedgerExport export) {
        this.polls = polls;
        this.export = export;
    }

    /**
     * A streamed body has one declared media type in Quarkus REST; the real one depends on {@code format}, so it is
     * set as a header. text/plain makes the framework write each chunk as it is.
     */
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Multi<String> export(@PathParam("pollId") String pollId,
                                @QueryParam("format") @DefaultValue("jsonl") String name) {
        ExportFormat format = ExportFormat.parse(name);
        if (format == null) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "format must be jsonl or csv, not " + name);
        }
        return RestMulti.fromUniResponse(
                polls.find(pollId).map(poll -> {
                    if (poll == null) {
                        throw new ProblemException(ProblemType.POLL_NOT_FOUND, "no poll " + pollId);
                    }
                    return poll;
                }),
                poll -> format.lines(export.entries(pollId))
                        .group().intoLists().of(LINES_PER_CHUNK).map(lines -> String.join("", lines)),
                poll -> Map.of(HttpHeaders.CONTENT_TYPE, List.of(format.mediaType() + "; charset=UTF-8"),
                        "Content-Disposition", List.of("attachment; filename=\"" + pollId + "."
                                + format.name().toLowerCase(java.util.Locale.ROOT) + "\"")));
    }
}
