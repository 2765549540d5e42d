package votes.infra.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import org.junit.jupiter.api.Test;
import votes.kit.problem.ProblemType;

class InvalidRequestsTest {

    @Test
    void eachParserRefusalHasItsDocumentedType() {
        assertThat(InvalidRequests.problemFor(new TooLongHttpHeaderException("HTTP header is larger than 8192 bytes")).type())
                .isEqualTo(ProblemType.HEADERS_TOO_LARGE);
        assertThat(InvalidRequests.problemFor(new TooLongHttpLineException("An HTTP line is larger than 4096 bytes")).type())
                .isEqualTo(ProblemType.URI_TOO_LONG);
        assertThat(InvalidRequests.problemFor(new IllegalArgumentException("a header value contains a prohibited character"))
                .detail()).isEqualTo("the request is not valid HTTP/1.1: a header value contains a prohibited character");
        assertThat(InvalidRequests.problemFor(null).type()).isEqualTo(ProblemType.MALFORMED_REQUEST);
    }
}
