package votes.k8s.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import votes.k8s.render.Overlay;

/**
 * The relay's slot alerts fire at a quarter of the cluster's {@code max_slot_wal_keep_size} (retained WAL above it,
 * safe WAL size below it), so resizing the cap without the alerts fails here rather than paging too late.
 */
class SlotAlertsFollowTheClusterTest {

    static final List<String> OVERLAYS = Overlay.NAMES;
    private static final Pattern SIZE = Pattern.compile("(\\d+)(kB|MB|GB|TB)");
    private static final Map<String, Long> UNIT = Map.of("kB", 1L << 10, "MB", 1L << 20, "GB", 1L << 30, "TB", 1L << 40);
    private static final int SHARE = 4;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void slotThresholdsAreAQuarterOfTheClustersCap(String overlay) {
        String cap = Overlay.rendered(overlay).one("Cluster", "ledger-pg").path("spec").path("postgresql")
                .path("parameters").path("max_slot_wal_keep_size").asString();
        Matcher size = SIZE.matcher(cap);
        assertThat(size.matches()).as("max_slot_wal_keep_size " + cap).isTrue();
        long quarter = Long.parseLong(size.group(1)) * UNIT.get(size.group(2)) / SHARE;

        assertThat(expression("CdcRelaySlotLag")).contains("cdc_relay_slot_retained_wal_bytes{job=\"cdc-relay\"} > " + quarter);
        assertThat(expression("CdcRelaySlotNearLoss")).contains("cdc_relay_slot_safe_wal_size_bytes{job=\"cdc-relay\"} < " + quarter);
    }

    private static String expression(String alert) {
        return AlertRules.alerts().stream().filter(rule -> alert.equals(rule.path("alert").asString())).findFirst()
                .map(rule -> rule.path("expr").asString()).orElseThrow(() -> new AssertionError("no alert " + alert));
    }
}
