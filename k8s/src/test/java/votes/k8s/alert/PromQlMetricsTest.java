package votes.k8s.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlMetricsTest {

    @Test
    void findsSelectedMetricsButNotFunctionsKeywordsLabelsOrNumbers() {
        String expression = "sum by (namespace, job) (rate(http_requests_total{job=\"a\",uri=~\"/x/.+\"}[5m]))"
                + " / ignoring (le) max(foo_bytes offset 5m) > 0.01 and on (namespace) absent(up{job=\"b\"})"
                + " or votes:errors:ratio_rate5m > (14.4 * 0.001) unless bar == bool 1";

        assertThat(PromQlMetrics.in(expression))
                .containsExactlyInAnyOrder("http_requests_total", "foo_bytes", "up", "votes:errors:ratio_rate5m", "bar");
    }

    @Test
    void ignoresMetricLikeTextInsideStrings() {
        assertThat(PromQlMetrics.in("label_replace(up, \"dst\", \"not_a_metric\", \"src\", \"(.*)\")"))
                .containsExactly("up");
    }
}
