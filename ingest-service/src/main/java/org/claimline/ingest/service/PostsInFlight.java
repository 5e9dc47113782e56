package org.claimline.ingest.service;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bound on ingest's work in flight, counted in posts: a new post request is admitted only while fewer than
 * {@code max} posts are in flight, so in an overload the excess is refused at once (503) instead of queueing.
 *
 * <p>Why posts, and not requests or waiting time: the cost of a request is its posts (one for a JSON or multipart post,
 * up to a hundred thousand for a batch), so a bound on requests would mean a wait of milliseconds for single posts and
 * of a minute for batches; and by Little's law the wait of an admitted post is about {@code inFlight / throughput}, so
 * a bound in posts is a bound on that wait whatever the mix, computed from one counter with no clock. A bound on the
 * oldest request's age would also catch a large batch or a slow upload that is simply long, and refuse everyone else.
 *
 * <p>What counts: one for each admitted request from its arrival to its answer (its body still being received and
 * parsed), and one more for each post of a batch from the moment its line is read until the broker acknowledged or
 * refused it. A batch's share is therefore bounded by its own window ({@code claimline.batch.in-flight}), and the
 * count can pass {@code max} by at most that much per batch already admitted; nothing admitted is ever cut off.
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
     * Admits a new request, counting it as one post in flight, when fewer than {@code max} are; otherwise counts a
     * refusal and returns false. The caller must call {@link #done(long)} with 1 once an admitted request is answered.
     */
    public boolean tryAdmit() {
        long current = inFlight.get();
        while (current < max) {
            if (inFlight.compareAndSet(current, current + 1)) {
                peak.accumulateAndGet(current + 1, Math::max);
                return true;
            }
            current = inFlight.get();
        }
        refused.incrementAndGet();
        return false;
    }

    /** One more post of an admitted batch is in flight (never refused: its request was admitted). */
    public void add() {
        peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    }

    /** {@code posts} posts (or an admitted request) are done, whatever their outcome. */
    public void done(long posts) {
        inFlight.addAndGet(-posts);
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
}
