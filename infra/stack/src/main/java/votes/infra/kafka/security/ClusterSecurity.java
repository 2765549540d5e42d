package votes.infra.kafka.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.admin.UserScramCredentialsDescription;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;

/**
 * Brings a running cluster's SCRAM users and ACLs up to {@link KafkaAccess#scramUsers()} and {@link KafkaAcls#table()}.
 * It logs in as the admin (a super user): with SCRAM normally, with PLAIN on a stack home formatted before Kafka had
 * SCRAM users (no SCRAM login succeeds there until this adds them; the broker then also accepts PLAIN for the admin,
 * {@link KafkaAccess#adminPlain()}). The Admin API cannot manage SCRAM users through {@code bootstrap.controllers}.
 */
public final class ClusterSecurity implements AutoCloseable {

    /** SCRAM's hash iterations: Kafka's minimum (4096), what {@code kafka-storage format --add-scram} uses too. */
    static final int ITERATIONS = 4096;
    private static final int CALL_TIMEOUT_MS = 15_000;

    private final KafkaAccess access;
    private final Admin admin;

    /** @param login the admin's client settings: {@link KafkaAccess#admin()} or {@link KafkaAccess#adminPlain()} */
    public ClusterSecurity(KafkaAccess access, Map<String, Object> login) {
        this.access = access;
        Map<String, Object> config = new LinkedHashMap<>(login);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, CALL_TIMEOUT_MS);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, CALL_TIMEOUT_MS);
        this.admin = Admin.create(config);
    }

    /** The {@code kafka-storage format --add-scram} arguments that create every user with the storage. */
    public static List<String> formatArguments(KafkaAccess access) {
        List<String> args = new ArrayList<>();
        KafkaAccess.scramUsers().forEach(principal -> args.addAll(List.of("--add-scram", KafkaAccess.MECHANISM + "=[name="
                + principal.user() + ",iterations=" + ITERATIONS + ",password=" + access.password(principal) + "]")));
        return args;
    }

    /** Adds the principals that have no SCRAM-SHA-512 credential; returns their names (empty when all were there). */
    public List<String> ensureUsers() {
        Map<String, UserScramCredentialsDescription> existing = call(admin.describeUserScramCredentials().all());
        List<UserScramCredentialAlteration> missing = KafkaAccess.scramUsers().stream()
                .filter(p -> !existing.containsKey(p.user()) || existing.get(p.user()).credentialInfos().stream()
                        .noneMatch(info -> info.mechanism() == ScramMechanism.SCRAM_SHA_512))
                .map(p -> (UserScramCredentialAlteration) new UserScramCredentialUpsertion(p.user(),
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS), access.password(p)))
                .toList();
        if (!missing.isEmpty()) {
            call(admin.alterUserScramCredentials(missing).all());
        }
        return missing.stream().map(UserScramCredentialAlteration::user).toList();
    }

    /**
     * Whether every one of these users logs in to the broker: the controller acknowledges a new SCRAM credential
     * before the broker has applied it from the metadata log, and a service (or test) logging in in between would be
     * refused with SaslAuthenticationException, which its clients do not retry.
     */
    public boolean loginsWork(List<String> users) {
        return KafkaAccess.scramUsers().stream().filter(p -> users.contains(p.user())).allMatch(this::logsIn);
    }

    private boolean logsIn(KafkaPrincipal principal) {
        Map<String, Object> config = new LinkedHashMap<>(access.client(principal));
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, CALL_TIMEOUT_MS);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, CALL_TIMEOUT_MS);
        try (Admin login = Admin.create(config)) {
            call(login.describeCluster().clusterId());
            return true;
        } catch (IllegalStateException refused) {
            return false;
        }
    }

    /** Creates the ACLs of the table the cluster lacks; returns how many. */
    public int ensureAcls() {
        List<AclBinding> missing = missingAcls();
        if (!missing.isEmpty()) {
            call(admin.createAcls(missing).all());
        }
        return missing.size();
    }

    /**
     * Whether the broker this client asks already enforces the whole table: the controller acknowledges a new ACL
     * before every broker has applied it from the metadata log, and a service started in between would be refused.
     */
    public boolean enforced() {
        try {
            return missingAcls().isEmpty();
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private List<AclBinding> missingAcls() {
        Set<AclBinding> existing = new HashSet<>(call(admin.describeAcls(AclBindingFilter.ANY).values()));
        return KafkaAcls.table().stream().filter(acl -> !existing.contains(acl)).toList();
    }

    private static <T> T call(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e.getCause() == null ? e.toString() : e.getCause().toString(), e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
