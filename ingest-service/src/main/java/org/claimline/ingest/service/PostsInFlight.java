package org.claimline.ingest.service;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bound on ingest's work in flight, counted in posts: a new post request is admitted only while fewer than
 * {@code max} posts are in flight, so in an overload the excess is refused at once (503) instead of queueing.
 *
 * <p>Why posts, and not requests or waiting time: the cost of a request is its posts (one for a JSON or multipart post,
 * a hundred for a typical batch), so a bound on requests would mean a wait of milliseconds for single posts and of
 * seconds for batches; and by Little's law the wait of an admitted post is about {@code inFlight / throughput}, so a
 * bound in posts is a bound on that wait whatever the mix, computed from one counter with no clock. A bound on the
 * oldest request's age would also catch a large batch or a slow upload that is simply long, and refuse everyone else.
 *
 * <p>What counts: an admitted request reserves its expected posts from its arrival (one for a single post; for a batch,
 * estimated from its declared length, at most its window of posts awaiting the broker), because a batch waiting for a
 * worker thread is as much work waiting as its lines. As its lines are read each takes over one reserved place (or adds
 * one beyond the estimate) until the broker has answered for it, and whatever is still reserved is given back with the
 * answer. A request is admitted while the count is below {@code max}, whatever its weight, so nothing admitted is ever
 * cut off and the count passes {@code max} by at most one request's weight per request admitted at that moment.
 */
public final class PostsInFlight {

    private final long max;
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();

    public PostsInFlight(long max) {
        if (max < 1) {
            throw new IllegalArgumentException("the bound on posts in flight must be at least 1, not " + max);
        }
        this.max = max;
    }

    /**
     * Admits a new request expected to carry {@code expectedPosts} posts (at least one is reserved) while fewer than
     * {@code max} posts are in flight; otherwise counts a refusal. The ticket's {@link Ticket#finished()} must be
     * called once the request is answered, whatever happened.
     */
    public Optional<Ticket> tryAdmit(long expectedPosts) {
        long weight = Math.max(1, expectedPosts);
        long current = inFlight.get();
        while (current < max) {
            if (inFlight.compareAndSet(current, current + weight)) {
                peak.accumulateAndGet(current + weight, Math::max);
                return Optional.of(new Ticket(weight));
            }
            current = inFlight.get();
        }
        refused.incrementAndGet();
        return Optional.empty();
    }

    /** A ticket for work that did not pass the gate (the start-up rehearsal, a direct call): it reserves nothing. */
    public Ticket unadmitted() {
        return new Ticket(0);
    }

    public long inFlight() {
        return inFlight.get();
    }

    /** Requests refused since the start. */
    public long refused() {
        return refused.get();
    }

    /** The most posts ever in flight at once since the start: what sizing the bound looks at. */
    public long peak() {
        return peak.get();
    }

    public long max() {
        return max;
    }

    private void add(long posts) {
        peak.accumulateAndGet(inFlight.addAndGet(posts), Math::max);
    }

    /** One admitted request's share of the count: its places still reserved, and its posts awaiting the broker. */
    public final class Ticket {

        /** Places reserved and not yet taken over by a post; one stays for the request itself until its answer. */
        private long reserved;

        private Ticket(long reserved) {
            this.reserved = reserved;
        }

        /** A post of this request is read and goes to the broker: it takes over a reserved place, or adds one. */
        public synchronized void postStarted() {
            if (reserved > 1) {
                reserved--;
            } else {
                add(1);
            }
        }

        /** The broker (or a refusal) has answered for one post started on this ticket. */
        public void postDone() {
            inFlight.addAndGet(-1);
        }

        /** The request is answered (or its connection gone): its remaining reservation is given back. */
        public synchronized void finished() {
            inFlight.addAndGet(-reserved);
            reserved = 0;
        }
    }
}
