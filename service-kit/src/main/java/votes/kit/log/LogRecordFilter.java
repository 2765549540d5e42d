package votes.kit.log;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;

/**
 * The console handler's filter (quarkus.log.console.filter=votes-log): keeps a sample of the access-log lines
 * ({@link AccessLogSample}) and gives OpenTelemetry's MDC entries the names the operators' queries use
 * ({@link LogIds#TRACE_ID}, {@link LogIds#SPAN_ID}): quarkus-logging-json writes MDC keys as they are, and Quarkus
 * puts the trace under traceId/spanId.
 */
@LoggingFilter(name = "votes-log")
public final class LogRecordFilter implements Filter {

    static final String OTEL_TRACE_ID = "traceId";
    static final String OTEL_SPAN_ID = "spanId";

    private final String accessCategory;
    private final AccessLogSample sample;

    public LogRecordFilter(@ConfigProperty(name = "quarkus.http.access-log.category") String accessCategory,
            @ConfigProperty(name = "votes.log.access-sample") double sample) {
        this.accessCategory = accessCategory;
        this.sample = new AccessLogSample(sample);
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (accessCategory.equals(record.getLoggerName()) && !sample.keep()) {
            return false;
        }
        if (record instanceof ExtLogRecord ext) {
            rename(ext, OTEL_TRACE_ID, LogIds.TRACE_ID);
            rename(ext, OTEL_SPAN_ID, LogIds.SPAN_ID);
        }
        return true;
    }

    private static void rename(ExtLogRecord record, String from, String to) {
        String value = record.getMdc(from);
        if (value != null) {
            record.removeMdc(from);
            record.putMdc(to, value);
        }
    }
}
