package votes.infra.cli;

import picocli.CommandLine.Command;
import votes.infra.service.ServiceProcess;

/** For the {@code ./vote} script, which builds before {@code up} when a service of this checkout has no jar. */
@Command(name = "unbuilt", hidden = true,
        description = "Prints each service (and the gateway) of this checkout whose jar is not built, one name a line.")
final class UnbuiltCommand implements Runnable {

    @Override
    public void run() {
        var stack = Cli.stack();
        stack.services().stream().filter(service -> !service.isBuilt()).map(ServiceProcess::name)
                .forEach(System.out::println);
        if (!stack.gateway().isBuilt()) {
            System.out.println(stack.gateway().name());
        }
    }
}
