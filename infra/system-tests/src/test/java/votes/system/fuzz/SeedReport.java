package votes.system.fuzz;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/** Prints each property's seed whatever its outcome, so a failing run can be replayed with @Property(seed = ...). */
public class SeedReport implements AroundPropertyHook {

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        long start = System.nanoTime();
        PropertyExecutionResult result = property.execute();
        System.out.printf("[fuzz] %s: %s in %d s, seed %s (rerun: @Property(seed = \"%s\"))%n", context.label(),
                result.status(), (System.nanoTime() - start) / 1_000_000_000, result.seed().orElse("?"),
                result.seed().orElse("?"));
        return result;
    }
}
