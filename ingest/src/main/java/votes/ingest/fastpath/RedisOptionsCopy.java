package votes.ingest.fastpath;

import io.quarkus.redis.client.RedisOptionsCustomizer;
import io.quarkus.redis.runtime.client.config.RedisConfig;
import io.vertx.redis.client.RedisOptions;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * A copy of the options Quarkus builds for its default Redis client (quarkus.redis.*: hosts, password, pool), taken
 * as Quarkus creates that client, so that {@link LoopRedis} opens its clients exactly like it. Changes nothing.
 */
@Singleton
public class RedisOptionsCopy implements RedisOptionsCustomizer {

    private volatile RedisOptions copy;

    @Override
    public void customize(String clientName, RedisOptions options) {
        if (RedisConfig.isDefaultClient(clientName)) {
            copy = new RedisOptions(options);
        }
    }

    /** Empty until Quarkus has created its default client. */
    Optional<RedisOptions> defaultClient() {
        return Optional.ofNullable(copy).map(RedisOptions::new);
    }
}
