package votes.infra.tls;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import votes.infra.stack.Detached;

/**
 * The running JDK's own keytool, the one certificate issuer every machine with our JVM has (no openssl, no
 * BouncyCastle): the JDK has no public API that signs an X.509 certificate. Keystore passwords travel in the
 * environment ({@code -storepass:env}), never on a command line other users can read in ps.
 */
final class Keytool {

    /** keytool starts a JVM per call; on a loaded 2-core machine that takes seconds, never minutes. */
    private static final long TIMEOUT_SECONDS = 120;
    private static final String PASSWORD_VARIABLE = "VOTES_KEYSTORE_PASSWORD";

    private final Path workDir;
    private final String storePassword;

    Keytool(Path workDir, String storePassword) {
        this.workDir = workDir;
        this.storePassword = storePassword;
    }

    Path workDir() {
        return workDir;
    }

    String storePassword() {
        return storePassword;
    }

    /** Runs one keytool command in the work dir (keystores and files named relative to it); fails with its output. */
    void run(String command, String... args) {
        List<String> full = new ArrayList<>(List.of(binary(), command, "-noprompt"));
        full.addAll(List.of(args));
        full.addAll(List.of("-storepass:env", PASSWORD_VARIABLE));
        Detached.Finished finished = Detached.runToEnd(full, workDir, Map.of(PASSWORD_VARIABLE, storePassword),
                workDir, TIMEOUT_SECONDS);
        if (finished.exitCode() != 0) {
            throw new IllegalStateException("keytool " + command + " failed (exit " + finished.exitCode() + "): "
                    + finished.output().strip());
        }
    }

    private static String binary() {
        return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    }
}
