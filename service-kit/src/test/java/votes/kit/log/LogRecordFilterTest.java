package votes.kit.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class LogRecordFilterTest {

    private static final String ACCESS = "io.quarkus.http.access-log";

    private static ExtLogRecord record(String logger) {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "a line", LogRecordFilterTest.class.getName());
        record.setLoggerName(logger);
        return record;
    }

    @Test
    void openTelemetrysIdsAreRenamedToTheKeysTheQueriesUse() {
        ExtLogRecord record = record("votes.ingest");
        record.putMdc(LogRecordFilter.OTEL_TRACE_ID, "4bf92f3577b34da6a3ce929d0e0e4736");
        record.putMdc(LogRecordFilter.OTEL_SPAN_ID, "00f067aa0ba902b7");
        record.putMdc(LogIds.REQUEST_ID, "rid-1");

        assertThat(new LogRecordFilter(ACCESS, 1.0).isLoggable(record)).isTrue();

        assertThat(record.getMdcCopy()).containsEntry(LogIds.TRACE_ID, "4bf92f3577b34da6a3ce929d0e0e4736")
                .containsEntry(LogIds.SPAN_ID, "00f067aa0ba902b7").containsEntry(LogIds.REQUEST_ID, "rid-1")
                .doesNotContainKeys(LogRecordFilter.OTEL_TRACE_ID, LogRecordFilter.OTEL_SPAN_ID);
    }

    @Test
    void atRateZeroAccessLinesAreDroppedAndEveryOtherLineIsKept() {
        LogRecordFilter none = new LogRecordFilter(ACCESS, 0.0);

        assertThat(none.isLoggable(record(ACCESS))).isFalse();
        assertThat(none.isLoggable(record("votes.ledger.batch"))).isTrue();
        assertThat(new LogRecordFilter(ACCESS, 1.0).isLoggable(record(ACCESS))).isTrue();
    }
}
