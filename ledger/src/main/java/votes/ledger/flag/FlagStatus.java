package votes.ledger.flag;

import java.util.Arrays;
import java.util.Optional;

/** Where a flag group is in its review; stored as its slug ({@code flags.status}). */
public enum FlagStatus {
    OPEN("open"), CONFIRMED("confirmed"), DISMISSED("dismissed");

    private final String slug;

    FlagStatus(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public static Optional<FlagStatus> ofSlug(String slug) {
        return Arrays.stream(values()).filter(status -> status.slug.equals(slug)).findFirst();
    }
}
