package org.claimline.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The bound on posts in flight, without Quarkus: admission, refusal, batch posts, release, and many threads at once. */
class PostsInFlightTest {

    @Test
    void admitsUpToTheBoundThenRefusesAndCountsTheRefusals() {
        PostsInFlight posts = new PostsInFlight(3);
        assertTrue(posts.tryAdmit());
        assertTrue(posts.tryAdmit());
        assertTrue(posts.tryAdmit());
        assertFalse(posts.tryAdmit());
        assertFalse(posts.tryAdmit());
        assertEquals(3, posts.inFlight());
        assertEquals(2, posts.refused());

        posts.done(1);
        assertTrue(posts.tryAdmit(), "a finished request makes room");
        assertEquals(3, posts.peak());
    }

    @Test
    void aBatchsPostsCountSoNewRequestsWaitUntilTheyAreDoneButTheBatchIsNeverCutOff() {
        PostsInFlight posts = new PostsInFlight(10);
        assertTrue(posts.tryAdmit());
        for (int i = 0; i < 25; i++) {
            posts.add();
        }
        assertEquals(26, posts.inFlight(), "an admitted batch may pass the bound with its own posts");
        assertFalse(posts.tryAdmit(), "but no new request comes in meanwhile");

        posts.done(20);
        assertEquals(6, posts.inFlight());
        assertTrue(posts.tryAdmit());
        posts.done(5);
        posts.done(1);
        posts.done(1);
        assertEquals(0, posts.inFlight());
        assertEquals(26, posts.peak());
    }

    @Test
    void aBoundBelowOneIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new PostsInFlight(0));
    }

    @Test
    void manyThreadsAtOnceNeverGetMoreThanTheBoundAdmitted() throws Exception {
        int bound = 8;
        int threads = 8;
        int rounds = 20_000;
        PostsInFlight posts = new PostsInFlight(bound);
        AtomicLong overBound = new AtomicLong();
        AtomicLong admitted = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int r = 0; r < rounds; r++) {
                    if (posts.tryAdmit()) {
                        admitted.incrementAndGet();
                        if (posts.inFlight() > bound) {
                            overBound.incrementAndGet();
                        }
                        posts.done(1);
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        assertEquals(0, overBound.get(), "never more than the bound in flight");
        assertEquals(0, posts.inFlight(), "every admission released");
        assertEquals((long) threads * rounds, admitted.get() + posts.refused(), "each attempt admitted or refused");
        assertTrue(posts.peak() <= bound, "peak " + posts.peak());
    }
}
