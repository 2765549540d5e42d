package votes.perf.cost;

/**
 * One line of {@code /proc/<pid>/stat}: the process's parent and its CPU clock ticks. {@code cutime}/{@code cstime}
 * hold the CPU of children it has already reaped (PostgreSQL's backends that ended), so a tree's CPU counts them too.
 */
public record ProcStat(long pid, long ppid, long utime, long stime, long cutime, long cstime) {

    /** Fields after the command's closing parenthesis: state is the 3rd field of the line, utime the 14th. */
    private static final int FIRST_AFTER_COMMAND = 3;
    private static final int PPID = 4;
    private static final int UTIME = 14;
    private static final int CSTIME = 17;

    /**
     * Parses a stat line. The command (2nd field) is in parentheses and may itself hold spaces and parentheses
     * ({@code (java (x))}), so the fields are read after the LAST closing parenthesis.
     */
    public static ProcStat parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 1 || close < open) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + line);
        }
        long pid = Long.parseLong(line.substring(0, open).trim());
        String[] f = line.substring(close + 1).trim().split("\\s+");
        if (f.length <= CSTIME - FIRST_AFTER_COMMAND) {
            throw new IllegalArgumentException("a /proc/<pid>/stat line with too few fields: " + line);
        }
        return new ProcStat(pid, field(f, PPID), field(f, UTIME), field(f, UTIME + 1), field(f, UTIME + 2),
                field(f, CSTIME));
    }

    private static long field(String[] afterCommand, int number) {
        return Long.parseLong(afterCommand[number - FIRST_AFTER_COMMAND]);
    }

    /** Own CPU plus that of reaped children, in clock ticks. */
    public long ticks() {
        return utime + stime + cutime + cstime;
    }
}
