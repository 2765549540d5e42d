package votes.infra.service;

import votes.infra.stack.StackException;

/** The service's jar does not exist yet: the CLI reports and goes on, tests fail. */
public class ServiceNotBuiltException extends StackException {
    public ServiceNotBuiltException(String message) {
        super(message);
    }
}
