package votes.system;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import votes.audit.AuditCli;
import votes.infra.kafka.security.KafkaPrincipal;
import votes.infra.postgres.role.DatabaseLogin;
import votes.infra.postgres.role.DatabaseRole;
import votes.infra.test.VoteStackExtension;

/** The auditor's CLI in this JVM, as {@code ./vote audit} runs it: the audit's Kafka login, the read-only role. */
public final class Audit {

    /** What one command printed and how it ended. */
    public record Run(int exitCode, String out, String err) {
    }

    private Audit() {
    }

    /** Runs {@code args} against {@code database} of the stack (its usual one is {@code votes}). */
    public static Run run(VoteStackExtension stack, String database, String... args) {
        DatabaseLogin reader = stack.stack().pgLogin(DatabaseRole.READER);
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--kafka", stack.kafkaBootstrap(), "--kafka-config",
                stack.kafkaClientConfigFile(KafkaPrincipal.AUDIT), "--pg-url", jdbcUrl(stack, database), "--pg-user",
                reader.user(), "--pg-password", reader.password(), "--public-key",
                stack.stack().settings().checkpointPublicKey().toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AuditCli.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        System.out.println("$ audit " + String.join(" ", all) + "   → exit " + code + "\n" + out + err);
        return new Run(code, out.toString(), err.toString());
    }

    public static String jdbcUrl(VoteStackExtension stack, String database) {
        String url = stack.jdbcUrl();
        return url.substring(0, url.lastIndexOf('/') + 1) + database;
    }
}
