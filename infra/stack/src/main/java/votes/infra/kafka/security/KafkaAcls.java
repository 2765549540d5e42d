package votes.infra.kafka.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import votes.events.topic.Topics;

/**
 * The least ACLs each service's principal needs, from the contract's topics and the services' consumer groups. The
 * broker denies everything else ({@code allow.everyone.if.no.acl.found=false}); broker and admin are super users.
 * A WRITE on a topic also allows an idempotent producer (Kafka 3.0+, KIP-679), so no cluster IDEMPOTENT_WRITE.
 */
public final class KafkaAcls {

    /** ingest's poll-events group is {@code votes-ingest-polls-<uuid>} (one per instance; ingest's properties). */
    static final String INGEST_GROUPS = "votes-ingest-polls-";
    /** The ledger's groups: {@code ledger} (votes.submitted), {@code ledger-polls} and {@code ledger-flags} (LEDGER_*GROUP). */
    static final String LEDGER_GROUPS = "ledger";
    /** The relay produces what Debezium names {@code ledger.*} (topic.prefix, routed to ledger.tally-deltas/.polls). */
    static final String RELAY_TOPICS = "ledger.";
    /** Kafka Streams' application.id: prefix of its group, internal topics and transactional ids. */
    static final String PROJECTIONS_APP = "votes-projections";
    /** realtime's group is {@code votes-realtime-<uuid>} (one per instance; realtime's properties). */
    static final String REALTIME_GROUPS = "votes-realtime-";

    private KafkaAcls() {
    }

    /** Every ACL binding the stack's Kafka holds, service by service. */
    public static List<AclBinding> table() {
        List<AclBinding> acls = new ArrayList<>();
        Map.of(
                KafkaPrincipal.INGEST, List.of(
                        topic(Topics.VOTES_SUBMITTED, AclOperation.WRITE, AclOperation.DESCRIBE,
                                AclOperation.DESCRIBE_CONFIGS),
                        topic(Topics.POLL_EVENTS, AclOperation.READ),
                        topic(Topics.VOTES_FLAGS, AclOperation.WRITE, AclOperation.DESCRIBE),
                        prefixed(ResourceType.GROUP, INGEST_GROUPS, AclOperation.READ)),
                KafkaPrincipal.LEDGER, List.of(
                        topic(Topics.VOTES_SUBMITTED, AclOperation.READ),
                        prefixed(ResourceType.GROUP, LEDGER_GROUPS, AclOperation.READ),
                        topic(Topics.POLL_EVENTS, AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE_CONFIGS),
                        topic(Topics.VOTES_FLAGS, AclOperation.READ),
                        topic(Topics.VOTES_DEAD_LETTER, AclOperation.WRITE, AclOperation.DESCRIBE,
                                AclOperation.DESCRIBE_CONFIGS)),
                KafkaPrincipal.CDC_RELAY, List.of(
                        prefixed(ResourceType.TOPIC, RELAY_TOPICS, AclOperation.WRITE, AclOperation.DESCRIBE)),
                KafkaPrincipal.PROJECTIONS, List.of(
                        topic(Topics.TALLY_DELTAS, AclOperation.READ),
                        topic(Topics.LEDGER_POLLS, AclOperation.READ),
                        topic(Topics.VOTE_TALLIES, AclOperation.WRITE, AclOperation.DESCRIBE),
                        prefixed(ResourceType.TOPIC, PROJECTIONS_APP, AclOperation.ALL),
                        prefixed(ResourceType.GROUP, PROJECTIONS_APP, AclOperation.ALL),
                        prefixed(ResourceType.TRANSACTIONAL_ID, PROJECTIONS_APP, AclOperation.ALL)),
                KafkaPrincipal.REALTIME, List.of(
                        topic(Topics.VOTE_TALLIES, AclOperation.READ),
                        prefixed(ResourceType.GROUP, REALTIME_GROUPS, AclOperation.READ)),
                KafkaPrincipal.AUDIT, auditGrants())
                .forEach((principal, grants) -> grants.forEach(grant -> acls.addAll(grant.to(principal))));
        return acls.stream().sorted(java.util.Comparator.comparing(AclBinding::toString)).toList();
    }

    /** Every contract topic readable, and the ledger's committed offsets visible (the audit waits for them). */
    private static List<Grant> auditGrants() {
        List<Grant> grants = new ArrayList<>();
        Topics.ALL.forEach(spec -> grants.add(topic(spec.name(), AclOperation.READ, AclOperation.DESCRIBE)));
        grants.add(prefixed(ResourceType.GROUP, LEDGER_GROUPS, AclOperation.DESCRIBE));
        return grants;
    }

    private static Grant topic(String name, AclOperation... operations) {
        return new Grant(new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL), List.of(operations));
    }

    private static Grant prefixed(ResourceType type, String prefix, AclOperation... operations) {
        return new Grant(new ResourcePattern(type, prefix, PatternType.PREFIXED), List.of(operations));
    }

    /** Operations allowed on one resource pattern, from any host. */
    private record Grant(ResourcePattern pattern, List<AclOperation> operations) {

        List<AclBinding> to(KafkaPrincipal principal) {
            return operations.stream().map(op -> new AclBinding(pattern,
                    new AccessControlEntry(principal.principal(), "*", op, AclPermissionType.ALLOW))).toList();
        }
    }
}
