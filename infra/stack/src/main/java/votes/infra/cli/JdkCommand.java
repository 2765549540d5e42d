package votes.infra.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import votes.infra.jdk.Jdk;

/** For scripts that need a newer Java than the stack's (perf's AOT cache: 25+) without parsing release files again. */
@Command(name = "jdk", mixinStandardHelpOptions = true,
        description = "Prints the home of the newest JDK installed under a folder of JDKs (default /usr/lib/jvm) whose"
                + " feature release is at least --at-least; exit 1, naming what is there, if none is.")
final class JdkCommand implements Callable<Integer> {

    @Option(names = "--at-least", paramLabel = "FEATURE", defaultValue = "17",
            description = "The oldest feature release that will do, e.g. 25 (default: ${DEFAULT-VALUE}).")
    int atLeast;

    @Option(names = "--in", paramLabel = "DIR", defaultValue = Jdk.OS_JVM_FOLDER,
            description = "The folder of JDKs to look in (default: ${DEFAULT-VALUE}).")
    Path jvmDir;

    @Override
    public Integer call() {
        Optional<Jdk> newest = Jdk.newest(jvmDir, atLeast);
        if (newest.isEmpty()) {
            System.err.println("no JDK " + atLeast + " or newer under " + jvmDir + "; there: "
                    + Jdk.installed(jvmDir).stream().map(Jdk::describe).toList());
            return 1;
        }
        System.out.println(newest.get().home());
        return 0;
    }
}
