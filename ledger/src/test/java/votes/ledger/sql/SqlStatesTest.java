package votes.ledger.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import java.sql.SQLException;
import org.hibernate.JDBCException;
import org.hibernate.exception.DataException;
import org.junit.jupiter.api.Test;

class SqlStatesTest {

    @Test
    void dataErrorsArePermanent() {
        assertThat(SqlStates.permanent(pg("22021", "invalid byte sequence for encoding \"UTF8\": 0x00"))).isTrue();
        assertThat(SqlStates.permanent(pg("22008", "timestamp out of range"))).isTrue();
        assertThat(SqlStates.permanent(pg("54000", "index row size 3016 exceeds btree version 4 maximum 2704"))).isTrue();
        assertThat(SqlStates.permanent(new IllegalStateException("wrapped", pg("22P02", "invalid input syntax")))).isTrue();
    }

    @Test
    void connectionSerializationAndOperatorErrorsAreRetried() {
        assertThat(SqlStates.permanent(pg("08006", "connection failure"))).isFalse();
        assertThat(SqlStates.permanent(pg("40001", "could not serialize access"))).isFalse();
        assertThat(SqlStates.permanent(pg("40P01", "deadlock detected"))).isFalse();
        assertThat(SqlStates.permanent(pg("57P01", "terminating connection due to administrator command"))).isFalse();
        assertThat(SqlStates.permanent(pg("42P01", "relation \"votes\" does not exist"))).isFalse();
        assertThat(SqlStates.permanent(new java.net.ConnectException("refused"))).isFalse();
    }

    @Test
    void hibernateReactivesDataErrorsArePermanentToo() {
        assertThat(SqlStates.permanent(new DataException("cannot extract elements from a scalar",
                new SQLException("cannot extract elements from a scalar", "22023")))).isTrue();
        assertThat(SqlStates.permanent(new JDBCException("no connection",
                new SQLException("connection failure", "08006")))).isFalse();
    }

    @Test
    void aFailureIsDescribedByItsSqlState() {
        assertThat(SqlStates.describe(pg("22021", "invalid byte sequence"))).isEqualTo("SQLSTATE 22021: invalid byte sequence");
    }

    private static PgException pg(String state, String message) {
        return new PgException(message, "ERROR", state, null);
    }
}
