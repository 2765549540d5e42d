package votes.audit.check;

/**
 * One numbered item of the checklist.
 *
 * @param checked how many things (events, rows, roots …) this item looked at
 * @param failures how many of them did not hold
 * @param summary one line of counts, e.g. "1,204 events: 1,100 recorded, 104 rejected"
 * @param firstOffender the first thing that did not hold, named so an operator can find it; null when none
 */
public record Check(int number, String title, Status status, long checked, long failures, String summary,
                    String firstOffender) {

    public static Check skip(int number, String title, String why) {
        return new Check(number, title, Status.SKIP, 0, 0, why, null);
    }

    public static Check error(int number, String title, String why) {
        return new Check(number, title, Status.ERROR, 0, 0, why, null);
    }

    /** A count as the summaries print it: 1,204. */
    static String count(long n) {
        return String.format("%,d", n);
    }
}
