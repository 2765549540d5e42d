package votes.k8s.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;
import votes.infra.postgres.PostgresRoles;
import votes.infra.postgres.role.DatabaseRole;
import votes.k8s.render.Overlay;

/**
 * The cluster's PostgreSQL roles and privileges are the local stack's: the roles of {@link DatabaseRole}, REPLICATION
 * for the relay only, the database SQL of {@link PostgresRoles#databaseSql}, and each service logs in as its own.
 */
class PostgresRolesMatchTheStackTest {

    static final List<String> OVERLAYS = Overlay.NAMES;
    /** The database every service's PG_DATABASE names. */
    static final String DATABASE = "votes";
    /** Who logs in as whom (infra/stack ServiceSpec.databaseRole). */
    static final Map<String, DatabaseRole> LOGINS = Map.of("ledger", DatabaseRole.LEDGER, "cdc-relay", DatabaseRole.RELAY);

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theClusterHasTheStacksRolesAndPrivileges(String name) {
        JsonNode spec = Overlay.rendered(name).one("Cluster", "ledger-pg").path("spec");
        JsonNode initdb = spec.path("bootstrap").path("initdb");
        Map<String, JsonNode> managed = StreamSupport.stream(spec.path("managed").path("roles").spliterator(), false)
                .collect(Collectors.toMap(role -> role.path("name").asString(), role -> role));

        assertThat(initdb.path("database").asString()).isEqualTo(DATABASE);
        assertThat(initdb.path("owner").asString()).isEqualTo(DatabaseRole.OWNER.user());
        assertThat(managed.keySet()).containsExactlyInAnyOrder(
                DatabaseRole.LEDGER.user(), DatabaseRole.RELAY.user(), DatabaseRole.READER.user());
        managed.forEach((role, attributes) -> {
            assertThat(attributes.path("login").asBoolean()).as(role).isTrue();
            assertThat(attributes.path("replication").asBoolean(false)).as(role + " REPLICATION")
                    .isEqualTo(role.equals(DatabaseRole.RELAY.user()));
            assertThat(attributes.path("passwordSecret").path("name").asString()).as(role).isNotEmpty();
            assertThat(text(initdb.path("postInitSQL"))).as(role + " created before the grants name it")
                    .anyMatch(sql -> sql.contains("CREATE ROLE " + role + ";"));
        });
        assertThat(text(initdb.path("postInitApplicationSQL")))
                .containsExactlyElementsOf(Arrays.asList(PostgresRoles.databaseSql(DATABASE).split("\n")));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void eachServiceLogsInAsItsOwnRole(String name) {
        Overlay overlay = Overlay.rendered(name);
        LOGINS.forEach((service, role) -> {
            Map<String, JsonNode> env = StreamSupport.stream(overlay.one("Deployment", service).path("spec")
                    .path("template").path("spec").path("containers").path(0).path("env").spliterator(), false)
                    .collect(Collectors.toMap(e -> e.path("name").asString(), e -> e));
            assertThat(env.get("PG_USER").path("value").asString()).as(service).isEqualTo(role.user());
            assertThat(env.get("PG_DATABASE").path("value").asString()).as(service).isEqualTo(DATABASE);
        });
    }

    private static List<String> text(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }
}
