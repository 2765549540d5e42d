package votes.infra.stack;

import java.util.OptionalLong;

/** One process of the local stack: Kafka, PostgreSQL, Redis, a service or the gateway. */
public interface Component {

    /** Short, CLI-facing name: kafka, postgres, redis, ledger, ingest, gateway. */
    String name();

    /** Human name for progress lines. */
    String label();

    int port();

    OptionalLong pid();

    /** Up = the recorded PID is alive and the port answers (services: and /q/health/ready is 200). */
    boolean isUp();

    /** Starts it unless it is up; returns what happened, e.g. "up on 127.0.0.1:9092". */
    String start();

    /** Stops it by PID (polite signal, then SIGKILL); true if something was running. */
    boolean stop();

    /** Hard kill, for crash tests; the pid files stay so `start` can tell it is down. */
    void kill9();
}
