package votes.audit.it;

import java.io.PrintWriter;
import java.io.StringWriter;
import votes.audit.AuditCli;

/** One command line of the audit CLI run in this JVM (fast: no JVM start), with what it printed. */
record AuditRun(int exitCode, String out, String err) {

    static AuditRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AuditCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        AuditRun run = new AuditRun(code, out.toString(), err.toString());
        System.out.println("$ audit " + String.join(" ", args) + "   → exit " + code + "\n" + run.out() + run.err());
        return run;
    }
}
