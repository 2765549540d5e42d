package votes.infra.kafka.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import votes.events.topic.Topics;

class KafkaAclsTest {

    private final List<AclBinding> table = KafkaAcls.table();

    @Test
    void onlyIngestMayWriteVotesSubmitted() {
        assertThat(principalsAllowed(ResourceType.TOPIC, Topics.VOTES_SUBMITTED, AclOperation.WRITE))
                .containsExactly("User:ingest");
    }

    @Test
    void onlyTheLedgerMayWritePollEventsAndTheDeadLetters() {
        assertThat(principalsAllowed(ResourceType.TOPIC, Topics.POLL_EVENTS, AclOperation.WRITE))
                .containsExactly("User:ledger");
        assertThat(principalsAllowed(ResourceType.TOPIC, Topics.VOTES_DEAD_LETTER, AclOperation.WRITE))
                .containsExactly("User:ledger");
    }

    @Test
    void onlyIngestMayFlagVotesAndOnlyTheLedgerAndTheAuditReadTheFlags() {
        assertThat(principalsAllowed(ResourceType.TOPIC, Topics.VOTES_FLAGS, AclOperation.WRITE))
                .containsExactly("User:ingest");
        assertThat(principalsAllowed(ResourceType.TOPIC, Topics.VOTES_FLAGS, AclOperation.READ))
                .containsExactlyInAnyOrder("User:ledger", "User:audit");
    }

    @Test
    void theRelayWritesOnlyTheLedgerTopicsAndProjectionsOnlyTheTalliesAndItsOwnTopics() {
        assertThat(grantsOf("User:cdc-relay")).containsExactlyInAnyOrder(
                "TOPIC ledger. PREFIXED WRITE", "TOPIC ledger. PREFIXED DESCRIBE");
        assertThat(grantsOf("User:projections")).contains("TOPIC vote-tallies LITERAL WRITE",
                "TOPIC ledger.tally-deltas LITERAL READ", "TOPIC ledger.polls LITERAL READ",
                "TOPIC votes-projections PREFIXED ALL", "GROUP votes-projections PREFIXED ALL",
                "TRANSACTIONAL_ID votes-projections PREFIXED ALL");
    }

    @Test
    void eachConsumerGroupIsReadableOnlyByItsService() {
        assertThat(groupReaders()).containsExactlyInAnyOrder(
                "votes-ingest-polls- User:ingest", "ledger User:ledger", "votes-projections User:projections",
                "votes-realtime- User:realtime");
    }

    @Test
    void theAuditReadsAndDescribesEveryContractTopicAndWritesNothing() {
        Set<String> audit = grantsOf("User:audit");
        Topics.ALL.forEach(spec -> assertThat(audit).contains("TOPIC " + spec.name() + " LITERAL READ",
                "TOPIC " + spec.name() + " LITERAL DESCRIBE"));
        assertThat(audit).as("only reads and descriptions").allMatch(g -> g.endsWith(" READ") || g.endsWith(" DESCRIBE"));
        assertThat(audit).contains("GROUP ledger PREFIXED DESCRIBE");
    }

    @Test
    void realtimeOnlyReadsTheTallies() {
        assertThat(grantsOf("User:realtime")).containsExactlyInAnyOrder(
                "TOPIC vote-tallies LITERAL READ", "GROUP votes-realtime- PREFIXED READ");
    }

    @Test
    void everyBindingAllowsFromAnyHostAndNoneGoesToTheSuperUsers() {
        assertThat(table).allMatch(acl -> acl.entry().permissionType() == AclPermissionType.ALLOW
                && acl.entry().host().equals("*"));
        assertThat(table).noneMatch(acl -> acl.entry().principal().equals("User:admin")
                || acl.entry().principal().equals("User:broker"));
        assertThat(table).doesNotHaveDuplicates();
    }

    private Set<String> principalsAllowed(ResourceType type, String name, AclOperation operation) {
        return table.stream().filter(acl -> acl.pattern().resourceType() == type && acl.pattern().name().equals(name)
                        && (acl.entry().operation() == operation || acl.entry().operation() == AclOperation.ALL))
                .map(acl -> acl.entry().principal()).collect(Collectors.toSet());
    }

    private Set<String> grantsOf(String principal) {
        return table.stream().filter(acl -> acl.entry().principal().equals(principal))
                .map(acl -> acl.pattern().resourceType() + " " + acl.pattern().name() + " "
                        + acl.pattern().patternType() + " " + acl.entry().operation())
                .collect(Collectors.toSet());
    }

    private Set<String> groupReaders() {
        return table.stream().filter(acl -> acl.pattern().resourceType() == ResourceType.GROUP
                        && acl.pattern().patternType() == PatternType.PREFIXED
                        && (acl.entry().operation() == AclOperation.READ || acl.entry().operation() == AclOperation.ALL))
                .map(acl -> acl.pattern().name() + " " + acl.entry().principal()).collect(Collectors.toSet());
    }
}
