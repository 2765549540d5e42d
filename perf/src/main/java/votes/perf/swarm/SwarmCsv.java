package votes.perf.swarm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The labelled per-vote data (one row per vote: the population, the features the bot model may use, the outcome),
 * as RFC 4180 CSV; a later fit of the model's weights reads it, and the later phases read the earlier phases' people
 * back from it.
 */
public final class SwarmCsv {

    static final List<String> COLUMNS = List.of("phase", "strategy", "bot", "voter", "address", "prefix24",
            "device_id", "client", "client_hints", "accept_language", "user_agent", "option", "due_ms",
            "planned_token_age_ms", "token_age_ms", "requests", "challenges", "max_difficulty", "solve_ms",
            "added_solve_ms", "latency_ms", "first_answer_ms", "status", "outcome", "rate_limit_key", "receipt_id",
            "flagged", "flag_score", "flag_reasons");

    private SwarmCsv() {
    }

    public static void write(Path file, List<VoteResult> results) {
        List<String> lines = new ArrayList<>(results.size() + 1);
        lines.add(String.join(",", COLUMNS));
        results.forEach(r -> lines.add(row(r)));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static String row(VoteResult r) {
        PlannedVote v = r.vote();
        ClientProfile c = v.client();
        return Stream.of(r.phase(), v.strategy().slug(), bit(v.strategy().bot()), v.voter(), v.address(),
                AddressPlan.prefix24(v.address()), v.deviceId() == null ? "" : v.deviceId(), c.name(),
                bit(c.clientHints()), bit(c.acceptLanguage()), c.userAgent(), v.optionId(), v.dueMillis(),
                v.plannedTokenAgeMillis(), r.tokenAgeMillis(), r.requests(), r.challenges(), r.maxDifficulty(),
                decimal(r.solveMillis()), decimal(r.addedSolveMillis()), decimal(r.latencyMillis()),
                decimal(r.firstAnswerMillis()), r.status(),
                r.outcome().name().toLowerCase(Locale.ROOT), r.rateLimitKey(), r.receiptId(), bit(r.flagged()),
                decimal(r.flagScore()), String.join(";", r.flagReasons()))
                .map(String::valueOf).map(SwarmCsv::quote).reduce((a, b) -> a + "," + b).orElseThrow();
    }

    /** The people's votes in a CSV this class wrote (another phase's: the baseline's, the defended phase's). */
    public static List<PersonVote> people(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            List<List<String>> rows = lines.map(SwarmCsv::fields).toList();
            List<String> header = rows.get(0);
            int strategy = header.indexOf("strategy");
            int outcome = header.indexOf("outcome");
            int difficulty = header.indexOf("max_difficulty");
            int flagged = header.indexOf("flagged");
            int due = header.indexOf("due_ms");
            int latency = header.indexOf("latency_ms");
            int firstAnswer = header.indexOf("first_answer_ms");
            return rows.stream().skip(1)
                    .filter(f -> f.get(strategy).equals(Strategy.HUMAN.slug()))
                    .map(f -> new PersonVote(Outcome.valueOf(f.get(outcome).toUpperCase(Locale.ROOT)),
                            Integer.parseInt(f.get(difficulty)), f.get(flagged).equals("1"),
                            Long.parseLong(f.get(due)), Double.parseDouble(f.get(latency)),
                            Double.parseDouble(f.get(latency)) - Double.parseDouble(f.get(firstAnswer))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Who voted in a CSV this class wrote: each voter (token subject) with its strategy, bot or person. */
    public static Map<String, Voter> voters(Path file) {
        List<List<String>> rows = rows(file);
        List<String> header = rows.get(0);
        int voter = header.indexOf("voter");
        int strategy = header.indexOf("strategy");
        int bot = header.indexOf("bot");
        Map<String, Voter> voters = new LinkedHashMap<>();
        rows.stream().skip(1).forEach(row -> voters.put(row.get(voter),
                new Voter(row.get(voter), row.get(strategy), "1".equals(row.get(bot)))));
        return voters;
    }

    private static List<List<String>> rows(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.map(SwarmCsv::fields).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** One row's population: the voter's token subject, its strategy's slug, and whether it is a bot. */
    public record Voter(String subject, String strategy, boolean bot) {
    }

    /** One CSV line's fields (quoted fields may hold commas and doubled quotes, not line breaks). */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        out.add(field.toString());
        return out;
    }

    static String quote(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static String bit(boolean b) {
        return b ? "1" : "0";
    }

    private static String decimal(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }
}
