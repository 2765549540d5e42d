package votes.infra.gateway.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceParentTest {

    @Test
    void theTraceIdOfAWellFormedHeaderIsRead() {
        assertThat(TraceParent.traceId("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .hasValue("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void aLaterVersionWithMoreFieldsIsReadToo() {
        assertThat(TraceParent.traceId("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra"))
                .hasValue("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void malformedOrInvalidHeadersGiveNoTrace() {
        assertThat(TraceParent.traceId(null)).isEmpty();
        assertThat(TraceParent.traceId("")).isEmpty();
        assertThat(TraceParent.traceId("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isEmpty();
        assertThat(TraceParent.traceId("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isEmpty();
        assertThat(TraceParent.traceId("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).isEmpty();
        assertThat(TraceParent.traceId("00-4bf92f3577b34da6-00f067aa0ba902b7-01")).isEmpty();
        assertThat(TraceParent.traceId("00-4bf92f3577b34da6a3ce929d0e0e4736\"}-00f067aa0ba902b7-01")).isEmpty();
    }
}
