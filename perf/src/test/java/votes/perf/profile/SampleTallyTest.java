package votes.perf.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleTallyTest {

    @Test
    void aPoolsNumberedThreadsAreOneGroup() {
        assertEquals("vert.x-eventloop-thread-#", SampleTally.threadGroup("vert.x-eventloop-thread-1"));
        assertEquals("kafka-producer-network-thread | producer-#",
                SampleTally.threadGroup("kafka-producer-network-thread | producer-12"));
        assertEquals("executor-thread-#", SampleTally.threadGroup("executor-thread-3"));
        assertEquals("main", SampleTally.threadGroup("main"));
    }

    @Test
    void theTopFrameGivesSelfTimeAndPackageAndOurFramesCountOncePerSampleInclusive() {
        SampleTally tally = new SampleTally(3, "votes.");
        tally.add("vert.x-eventloop-thread-0", List.of("io.netty.buffer.PooledByteBuf.getBytes",
                "votes.ingest.vote.SubmitVote.submit", "votes.ingest.vote.SubmitVote.submit", "votes.ingest.Resource.post"));
        tally.add("vert.x-eventloop-thread-1", List.of("votes.ingest.vote.SubmitVote.submit", "votes.ingest.Resource.post"));
        tally.add("main", List.of());

        assertEquals(3, tally.samples());
        assertEquals(List.of(Map.entry("vert.x-eventloop-thread-#", 2L), Map.entry("main", 1L)), tally.threads(5));
        assertEquals(List.of(Map.entry("io.netty.buffer", 1L), Map.entry("votes.ingest.vote", 1L)), tally.packages(5));
        assertEquals(List.of(Map.entry("votes.ingest.Resource.post", 2L), Map.entry("votes.ingest.vote.SubmitVote.submit", 2L)),
                tally.ownInclusive(5));
        assertEquals(Map.entry("io.netty.buffer.PooledByteBuf.getBytes", 1L), tally.selfMethods(1).get(0));
        // votes.ingest.Resource is a class in votes.ingest: the group is the package, never the class.
        assertEquals(List.of(Map.entry("votes.ingest", 2L), Map.entry("votes.ingest.vote", 2L),
                Map.entry("io.netty.buffer", 1L)), tally.packagesInclusive(5));
    }

    @Test
    void lambdasAndQuarkusGeneratedWrappersAreNotOurMethods() {
        SampleTally tally = new SampleTally(3, "votes.");
        tally.add("t", List.of("votes.kit.request.RequestIds$$Lambda$525+0x00007fa8.handle",
                "votes.kit.request.RequestIds.lambda$install$0", "votes.ingest.vote.VoteResource_Subclass.vote",
                "votes.ingest.vote.VoteResource.vote"));
        assertEquals(List.of(Map.entry("votes.ingest.vote.VoteResource.vote", 1L)), tally.ownInclusive(5));
    }
}
