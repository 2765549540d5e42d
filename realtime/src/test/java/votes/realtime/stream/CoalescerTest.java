package votes.realtime.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CoalescerTest {

    private static final long MS = 1_000_000;
    private final Coalescer coalescer = new Coalescer(100 * MS);

    @Test
    void firstChangeIsPublishedAtOnce() {
        assertThat(coalescer.changed(0)).isZero();
    }

    @Test
    void changesWithinTheIntervalArmOneTimerForTheRestOfIt() {
        coalescer.changed(0);
        coalescer.published(0);
        assertThat(coalescer.changed(30 * MS)).isEqualTo(70 * MS);
        for (int i = 0; i < 100; i++) {
            assertThat(coalescer.changed((31 + i % 60) * MS)).isEqualTo(Coalescer.ALREADY_ARMED);
        }
        assertThat(coalescer.timerFired()).isTrue();
    }

    @Test
    void aBurstOfAHundredChangesGivesTwoPublicationsTheFirstAndTheLast() {
        int publications = 0;
        long now = 0;
        boolean timer = false;
        for (int i = 0; i < 100; i++, now += MS / 2) {
            long delay = coalescer.changed(now);
            if (delay == 0) {
                publications++;
                coalescer.published(now);
            } else if (delay > 0) {
                timer = true;
            }
        }
        if (timer && coalescer.timerFired()) {
            publications++;
        }
        assertThat(publications).isEqualTo(2);
    }

    @Test
    void aChangeAfterAQuietIntervalGoesOutAtOnce() {
        coalescer.changed(0);
        coalescer.published(0);
        assertThat(coalescer.changed(150 * MS)).isZero();
    }

    @Test
    void aTimerWithNothingNewPublishesNothing() {
        coalescer.changed(0);
        coalescer.published(0);
        coalescer.changed(10 * MS);
        coalescer.published(10 * MS); // a new client forced nothing; simulate the state already out
        assertThat(coalescer.timerFired()).isFalse();
    }

    @Test
    void neverMoreThanOnePublicationPerInterval() {
        long lastPublished = Long.MIN_VALUE;
        long armedFor = -1;
        for (long now = 0; now < 2_000 * MS; now += 3 * MS) {
            if (armedFor >= 0 && now >= armedFor) {
                armedFor = -1;
                if (coalescer.timerFired()) {
                    assertThat(now - lastPublished).isGreaterThanOrEqualTo(100 * MS);
                    lastPublished = now;
                    coalescer.published(now);
                }
            }
            long delay = coalescer.changed(now);
            if (delay == 0) {
                assertThat(lastPublished == Long.MIN_VALUE || now - lastPublished >= 100 * MS).isTrue();
                lastPublished = now;
                coalescer.published(now);
            } else if (delay > 0) {
                armedFor = now + delay;
            }
        }
    }
}
