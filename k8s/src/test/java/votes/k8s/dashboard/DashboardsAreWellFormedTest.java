package votes.k8s.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Each dashboard imports into any Grafana: a unique uid, a title, and every panel on the chosen data source. */
class DashboardsAreWellFormedTest {

    @Test
    void everyDashboardHasATitleAndItsOwnUid() {
        List<Dashboards> all = Dashboards.all();

        assertThat(all).allSatisfy(dashboard -> {
            assertThat(dashboard.board().path("uid").asString("")).as(dashboard.file() + " uid").isNotBlank();
            assertThat(dashboard.board().path("title").asString("")).as(dashboard.file() + " title").isNotBlank();
        });
        assertThat(all.stream().map(dashboard -> dashboard.board().path("uid").asString())).doesNotHaveDuplicates();
    }

    @Test
    void everyDashboardOffersTheDataSourceVariable() {
        assertThat(Dashboards.all()).allSatisfy(dashboard -> assertThat(dashboard.board().path("templating")
                .path("list").valueStream()
                .filter(v -> "datasource".equals(v.path("name").asString("")))
                .filter(v -> "datasource".equals(v.path("type").asString(""))))
                .as(dashboard.file()).hasSize(1));
    }

    @Test
    void everyPanelAndQueryReadsTheDataSourceVariable() {
        assertThat(Dashboards.all()).allSatisfy(dashboard -> assertThat(dashboard.panels()).as(dashboard.file())
                .isNotEmpty().filteredOn(panel -> !"row".equals(panel.path("type").asString("")))
                .allSatisfy(panel -> {
                    assertThat(datasource(panel)).as(panel.path("title").asString()).isEqualTo(Dashboards.DATASOURCE);
                    assertThat(panel.path("targets")).as(panel.path("title").asString()).isNotEmpty()
                            .allSatisfy(target -> assertThat(datasource(target)).isEqualTo(Dashboards.DATASOURCE));
                }));
    }

    private static String datasource(JsonNode node) {
        return node.path("datasource").path("uid").asString("");
    }
}
