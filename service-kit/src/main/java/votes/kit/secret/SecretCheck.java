package votes.kit.secret;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * A service started outside {@code quarkus:dev} and {@code @QuarkusTest} refuses to start while any secret it names
 * in {@code votes.secrets.required} is missing, short or a public dev value: one ERROR line per setting, then the
 * start fails (exit code 1). The launch mode decides, not the profile: a packaged jar always checks, so no
 * {@code QUARKUS_PROFILE} can switch it off. Runs before the service's other start observers; config read by
 * Quarkus itself before the first one (the ledger's Flyway migration) is out of its reach.
 */
@ApplicationScoped
public class SecretCheck {

    private static final Logger LOG = Logger.getLogger(SecretCheck.class);

    void atStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start, SecretsConfig config) {
        if (LaunchMode.current().isDevOrTest()) {
            return;
        }
        List<String> problems = problems(config, ConfigProvider.getConfig());
        if (!problems.isEmpty()) {
            problems.forEach(LOG::error);
            throw new IllegalStateException("refusing to start without its secrets: " + String.join("; ", problems));
        }
    }

    static List<String> problems(SecretsConfig config, Config values) {
        SecretRule rule = new SecretRule(config.minBytes(), config.devValues());
        return config.required().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(setting -> rule.problem(setting.getKey(), values.getOptionalValue(setting.getValue(), String.class)
                        .orElse(null)))
                .flatMap(Optional::stream).toList();
    }
}
