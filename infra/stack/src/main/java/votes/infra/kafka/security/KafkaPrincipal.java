package votes.infra.kafka.security;

/**
 * The stack's Kafka users (SASL/SCRAM-SHA-512): the broker itself, an admin for infra, operators and tests, and one
 * per service so each holds only the ACLs of its own topics and groups ({@link KafkaAcls}). Each password is the
 * stack secret {@code kafka-<name>}.
 */
public enum KafkaPrincipal {
    /** The nodes to each other (inter-broker SCRAM, controller PLAIN); a super user. */
    BROKER("broker"),
    /** infra's topic and ACL setup, operators' and tests' clients (KAFKA_CLIENT_CONFIG); a super user. */
    ADMIN("admin"),
    INGEST("ingest"),
    LEDGER("ledger"),
    CDC_RELAY("cdc-relay"),
    PROJECTIONS("projections"),
    REALTIME("realtime"),
    /** Read-only: the auditor reads every topic of the contract and the ledger's committed offsets. */
    AUDIT("audit");

    private final String user;

    KafkaPrincipal(String user) {
        this.user = user;
    }

    /** The principal of a service of the stack, by its name (ServiceSpec: ledger, cdc-relay, ...). */
    public static KafkaPrincipal service(String name) {
        for (KafkaPrincipal principal : values()) {
            if (principal.user.equals(name) && principal != BROKER && principal != ADMIN) {
                return principal;
            }
        }
        throw new IllegalArgumentException("no Kafka principal for service " + name);
    }

    /** The SASL user name. */
    public String user() {
        return user;
    }

    /** {@code User:<name>}, as ACLs and super.users name it. */
    public String principal() {
        return "User:" + user;
    }

    /** The StackSecrets name of its password. */
    public String secretName() {
        return "kafka-" + user;
    }
}
