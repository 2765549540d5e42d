package votes.kit.trace;

import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where every service sends its sampled spans: the stack's Zipkin server ({@code ./vote up --observability}), in
 * Zipkin's own JSON v2 over HTTP. Quarkus' default {@code cdi} exporter picks up this bean and batches it; the OTLP
 * exporter is off (application.properties), since Zipkin's server does not take OTLP. The SDK itself is off unless
 * the stack turns observability on ({@code quarkus.otel.sdk.disabled}), so without a backend nothing is exported.
 */
@ApplicationScoped
public class ZipkinExport {

    @Produces
    @Singleton
    SpanExporter zipkin(@ConfigProperty(name = "votes.trace.zipkin-endpoint") String endpoint) {
        return ZipkinSpanExporter.builder().setEndpoint(endpoint).build();
    }
}
