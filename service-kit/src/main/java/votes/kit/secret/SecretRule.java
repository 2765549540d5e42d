package votes.kit.secret;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * What makes a value a secret: present, long enough to resist guessing, and not one of the values published in
 * this repository (anyone can read those, so a key equal to one protects nothing). Plain Java: the startup check
 * applies it to a service's settings, tests call it directly.
 *
 * @param minBytes shortest value accepted, in UTF-8 bytes
 * @param devValues the public dev values this repository ships as defaults
 */
public record SecretRule(int minBytes, Set<String> devValues) {

    /** Every placeholder in our defaults carries it, and so does any copy of one that an operator edited a little. */
    static final String PLACEHOLDER_MARK = "change-me";

    public SecretRule {
        devValues = Set.copyOf(devValues);
    }

    /** Why {@code value} of {@code setting} (the env var an operator sets) is no secret; empty when it will do. */
    public Optional<String> problem(String setting, String value) {
        String fix = "; set a random secret of ≥ " + minBytes + " bytes (./vote up generates one)";
        if (value == null || value.isBlank()) {
            return Optional.of(setting + " is not set" + fix);
        }
        if (devValues.contains(value.strip()) || value.contains(PLACEHOLDER_MARK)) {
            return Optional.of(setting + " is the public dev value" + fix);
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < minBytes) {
            return Optional.of(setting + " is " + bytes + " bytes, too short to be guessed at no cost" + fix);
        }
        return Optional.empty();
    }
}
