package votes.ledger.relay.queue;

import io.debezium.connector.postgresql.PostgresConnector;
import org.apache.kafka.connect.connector.Task;

/**
 * Debezium's PostgreSQL connector with the relay's task, {@link PacedPostgresTask}: the same connector in every other
 * respect (its configuration, its version, its offsets). The relay's {@code connector.class}.
 */
public class PacedPostgresConnector extends PostgresConnector {

    @Override
    public Class<? extends Task> taskClass() {
        return PacedPostgresTask.class;
    }
}
