package votes.infra.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceSpecTest {

    @Test
    void theRelayAndIngestStartInATierAfterTheLedgersWhichCreatesTheSchemaAndAnswersPollLookups() {
        assertThat(tierOf(ServiceSpec.CDC_RELAY)).isGreaterThan(tierOf(ServiceSpec.LEDGER));
        assertThat(tierOf(ServiceSpec.INGEST)).isGreaterThan(tierOf(ServiceSpec.LEDGER));
    }

    @Test
    void everyServiceStartsOnceInTierOrder() {
        assertThat(ServiceSpec.ALL).doesNotHaveDuplicates()
                .containsExactlyElementsOf(ServiceSpec.START_TIERS.stream().flatMap(List::stream).toList())
                .containsExactlyInAnyOrder(ServiceSpec.LEDGER, ServiceSpec.CDC_RELAY, ServiceSpec.PROJECTIONS,
                        ServiceSpec.REALTIME, ServiceSpec.INGEST);
    }

    private static int tierOf(ServiceSpec service) {
        for (int tier = 0; tier < ServiceSpec.START_TIERS.size(); tier++) {
            if (ServiceSpec.START_TIERS.get(tier).contains(service)) {
                return tier;
            }
        }
        throw new AssertionError(service.name() + " is in no tier");
    }
}
