package org.claimline.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.claimline.ingest.service.PostsInFlight.Ticket;
import org.junit.jupiter.api.Test;

/** The bound on posts in flight, without Quarkus: admission, refusal, a batch's weight and lines, many threads at once. */
class PostsInFlightTest {

    @Test
    void admitsWhileBelowTheBoundThenRefusesAndCountsTheRefusals() {
        PostsInFlight posts = new PostsInFlight(3);
        Ticket first = posts.tryAdmit(1).orElseThrow();
        posts.tryAdmit(1).orElseThrow();
        posts.tryAdmit(1).orElseThrow();
        assertTrue(posts.tryAdmit(1).isEmpty());
        assertTrue(posts.tryAdmit(1).isEmpty());
        assertEquals(3, posts.inFlight());
        assertEquals(2, posts.refused());

        first.finished();
        assertTrue(posts.tryAdmit(1).isPresent(), "an answered request makes room");
        assertEquals(3, posts.peak());
    }

    @Test
    void aBatchWeighsItsExpectedPostsFromArrivalAndItsLinesTakeOverTheReservation() {
        PostsInFlight posts = new PostsInFlight(50);
        Ticket batch = posts.tryAdmit(100).orElseThrow();
        assertEquals(100, posts.inFlight(), "admitted below the bound, it weighs what it brings");
        assertTrue(posts.tryAdmit(1).isEmpty(), "nothing else comes in meanwhile");

        for (int i = 0; i < 120; i++) {
            batch.postStarted();
        }
        assertEquals(121, posts.inFlight(), "99 lines took reserved places, 21 more were added, 1 stays for the request");
        for (int i = 0; i < 100; i++) {
            batch.postDone();
        }
        assertEquals(21, posts.inFlight());
        assertTrue(posts.tryAdmit(1).isPresent(), "below the bound again");
        for (int i = 0; i < 20; i++) {
            batch.postDone();
        }
        batch.finished();
        assertEquals(1, posts.inFlight(), "only the single post admitted meanwhile");
        assertEquals(121, posts.peak());
    }

    @Test
    void aShortBatchGivesBackWhatItDidNotUseAndAnUnadmittedOneReservesNothing() {
        PostsInFlight posts = new PostsInFlight(1000);
        Ticket batch = posts.tryAdmit(100).orElseThrow();
        for (int i = 0; i < 10; i++) {
            batch.postStarted();
        }
        assertEquals(100, posts.inFlight());
        for (int i = 0; i < 10; i++) {
            batch.postDone();
        }
        batch.finished();
        assertEquals(0, posts.inFlight());

        Ticket direct = posts.unadmitted();
        direct.postStarted();
        assertEquals(1, posts.inFlight(), "its posts still count while they await the broker");
        direct.postDone();
        direct.finished();
        assertEquals(0, posts.inFlight());
    }

    @Test
    void aBoundBelowOneIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new PostsInFlight(0));
    }

    @Test
    void manyThreadsAtOnceNeverGetMoreThanTheBoundAdmittedAndGiveEverythingBack() throws Exception {
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
                    Optional<Ticket> ticket = posts.tryAdmit(1);
                    if (ticket.isPresent()) {
                        admitted.incrementAndGet();
                        if (posts.inFlight() > bound) {
                            overBound.incrementAndGet();
                        }
                        ticket.get().finished();
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
        assertEquals(0, posts.inFlight(), "every admission given back");
        assertEquals((long) threads * rounds, admitted.get() + posts.refused(), "each attempt admitted or refused");
        assertTrue(posts.peak() <= bound, "peak " + posts.peak());
    }
}
