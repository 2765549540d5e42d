package votes.ingest.it;

import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import votes.events.codec.EventCodec;
import votes.events.codec.PollEventSerializer;
import votes.events.flag.VoteFlagged;
import votes.events.id.EventIds;
import votes.events.key.VoterIds;
import votes.events.poll.PollClosed;
import votes.events.poll.PollCreated;
import votes.events.poll.PollEvent;
import votes.events.poll.PollOption;
import votes.events.topic.Topics;
import votes.events.vote.ClientHashes;
import votes.events.vote.VoteSubmitted;
import votes.infra.test.LocalStackResource;
import votes.infra.test.token.ForgedTokens;
import votes.ingest.poll.PollCache;
import votes.ingest.fastpath.RedisKeys;

/** What every ingest IT needs from the real stack: tokens, polls on poll-events, and what reached votes.submitted. */
public final class IngestFixture {

    /** application.properties' dev defaults: @QuarkusTest runs without VOTER_ID_KEY / CLIENT_FACTS_KEY. */
    public static final VoterIds VOTER_IDS = new VoterIds("dev-voter-id-key-change-me");
    public static final ClientHashes CLIENT_HASHES = new ClientHashes("dev-client-facts-key-change-me");
    public static final List<PollOption> OPTIONS = List.of(new PollOption("a", "A"), new PollOption("b", "B"));
    /** How long an IT waits for the stack to get somewhere: generous, the test machine is shared and slow. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private IngestFixture() {
    }

    public static String token(String sub, String... groups) {
        return LocalStackResource.stack().tokens().mint(sub, groups.length == 0 ? List.of("voter") : List.of(groups));
    }

    public static String expiredToken(String sub) {
        return LocalStackResource.stack().tokens().mint(sub, List.of("voter"), Duration.ofMinutes(-10));
    }

    /** A good token of the stack's dev key that names a provider session ({@code sid}), as the realm's tokens do. */
    public static String sessionToken(String sub, String sid) {
        ForgedTokens forge = new ForgedTokens(LocalStackResource.stack());
        return forge.signed(forge.voterClaims(sub, claims -> claims.setClaim("sid", sid)));
    }

    /** Signed by a key the services never heard of. */
    public static String badlySignedToken(String sub) {
        ForgedTokens forge = new ForgedTokens(LocalStackResource.stack());
        return forge.signedByAnotherKey(forge.voterClaims(sub));
    }

    public static String newPollId() {
        return "poll-" + UUID.randomUUID();
    }

    /** A new open poll, already folded into this ingest's cache (so votes do not race its PollCreated). */
    public static String openPoll(PollCache polls) {
        String pollId = newPollId();
        createPoll(pollId, null, null);
        await("ingest folds the new poll").atMost(PATIENCE).until(() -> polls.get(pollId) != null);
        return pollId;
    }

    public static void createPoll(String pollId, Instant opensAt, Instant closesAt) {
        publish(new PollCreated(1, EventIds.next(), pollId, "Poll " + pollId, OPTIONS, opensAt, closesAt, Instant.now()));
    }

    public static void closePoll(String pollId) {
        publish(new PollClosed(1, EventIds.next(), pollId, Instant.now()));
    }

    private static void publish(PollEvent event) {
        Properties props = new Properties();
        props.putAll(LocalStackResource.stack().kafkaClientProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, PollEvent> producer = new KafkaProducer<>(props, new StringSerializer(),
                new PollEventSerializer())) {
            producer.send(new ProducerRecord<>("poll-events", event.pollId(), event)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish " + event, e);
        }
    }

    /** Every record of votes.submitted about this poll, read up to the log's end as it is now. */
    public static List<ConsumerRecord<String, VoteSubmitted>> votesOn(String pollId) {
        return recordsOn("votes.submitted", EventCodec::decodeVote, vote -> vote.pollId().equals(pollId));
    }

    /** Every flag on votes.flags about this poll, read up to the topic's end as it is now. */
    public static List<ConsumerRecord<String, VoteFlagged>> flagsOn(String pollId) {
        return recordsOn(Topics.VOTES_FLAGS, EventCodec::decodeVoteFlagged, flag -> flag.pollId().equals(pollId));
    }

    private static <T> List<ConsumerRecord<String, T>> recordsOn(String topic, Function<byte[], T> decode,
                                                                  Predicate<T> keep) {
        Properties props = new Properties();
        props.putAll(LocalStackResource.stack().kafkaClientProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "ingest-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, T>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            // The consumer is not thread-safe: poll it on this thread; each poll blocks up to 200 ms itself.
            await("reading " + topic + " to its end").atMost(PATIENCE).pollInSameThread()
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                    .until(() -> atEnd(consumer, end) || readAndCheckEnd(consumer, end, decode, keep, found));
        }
        return found;
    }

    private static boolean atEnd(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    /** One poll: keeps the records {@code keep} wants, then says whether every partition is read to {@code end}. */
    private static <T> boolean readAndCheckEnd(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end,
            Function<byte[], T> decode, Predicate<T> keep, List<ConsumerRecord<String, T>> found) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            T value = decode.apply(r.value());
            if (keep.test(value)) {
                found.add(new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.key(), value));
            }
        }
        return atEnd(consumer, end);
    }

    /** A loopback port nothing listens on (bound, then released). */
    public static int deadPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs {@code n} requests at once (one thread each, released together) and returns the answers in index
     * order: a burst, not a sequence, so the server really sees them concurrently.
     */
    public static List<io.restassured.response.Response> concurrently(int n, IntFunction<io.restassured.response.Response> request) {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<io.restassured.response.Response>> answers = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int index = i;
                answers.add(threads.submit(() -> {
                    go.await();
                    return request.apply(index);
                }));
            }
            go.countDown();
            List<io.restassured.response.Response> result = new ArrayList<>(n);
            for (Future<io.restassured.response.Response> answer : answers) {
                result.add(answer.get(60, TimeUnit.SECONDS));
            }
            return result;
        } catch (Exception e) {
            throw new IllegalStateException("a concurrent request failed", e);
        } finally {
            threads.shutdownNow();
        }
    }

    /** The raw value of a Redis key, or null when it does not exist. */
    public static String redisGet(Redis redis, String key) {
        Response value = redis.send(Request.cmd(Command.GET).arg(key)).await().atMost(Duration.ofSeconds(10));
        return value == null ? null : value.toString();
    }

    /** The voter's slot in a poll (RedisKeys.votedIn), for a token subject. */
    public static String slotKey(String sub, String pollId) {
        return RedisKeys.votedIn(VOTER_IDS.of(sub), pollId);
    }

    /** The value the pattern's group captures in /q/metrics, 0 when it is absent. */
    public static double metric(String pattern) {
        Matcher value = Pattern.compile(pattern).matcher(RestAssured.given().get("/q/metrics").then().extract().asString());
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }

    /** votes_shed_total{reason="behind"}, 0 before its first increment (meters may outlive an app in this JVM: compare deltas). */
    public static double shedBehind() {
        return metric("votes_shed_total\\{reason=\"behind\"[^}]*} ([0-9.E]+)");
    }

    public static String body(String optionId) {
        return "{\"optionId\":\"" + optionId + "\"}";
    }
}
