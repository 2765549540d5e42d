package votes.kit.knob;

import java.time.Duration;
import java.util.Map;
import votes.kit.duration.Ttl;

/**
 * Knobs read from an environment outside Quarkus config (the gateway's GATEWAY_*, the stack's VOTE_*_PORT): blank
 * or absent means the default, and a value that cannot be read fails naming its knob. In the kit because
 * infra/gateway and infra/stack both read them, and neither depends on the other.
 */
public record EnvKnobs(Map<String, String> env) {

    public int integer(String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }

    /** A duration as {@link Ttl} reads it (250ms, 10s, 5m, PT1H). */
    public Duration duration(String name, Duration fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Ttl.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        }
    }
}
