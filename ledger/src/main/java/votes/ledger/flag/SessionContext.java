package votes.ledger.flag;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The Vert.x context a Hibernate Reactive session must be used on. Work that leaves it (a Kafka acknowledgement
 * arrives on the producer's thread, a Mutiny back-off retries on its scheduler) must come back before it touches
 * the session again: Hibernate Reactive refuses a session used from another thread (HR000069).
 */
final class SessionContext {

    private final Context context;

    private SessionContext(Context context) {
        this.context = context;
    }

    /** The context of the caller, which must be on one (a REST handler or a Kafka message's processing). */
    static SessionContext current() {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("Hibernate Reactive work started outside a Vert.x context");
        }
        return new SessionContext(context);
    }

    /** For {@code emitOn}: continue on the session's context. */
    Executor executor() {
        return command -> context.runOnContext(ignored -> command.run());
    }

    /** Subscribes to {@code work} on the session's context, wherever the caller resubscribes from. */
    <T> Uni<T> run(Supplier<Uni<T>> work) {
        return Uni.createFrom().voidItem().emitOn(executor()).flatMap(ignored -> work.get());
    }
}
