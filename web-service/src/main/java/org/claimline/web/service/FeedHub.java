package org.claimline.web.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.claimline.web.domain.FeedBatch;
import org.claimline.web.domain.FeedItem;

/**
 * In-memory fan-out of committed feed rows to every connected stream: one publish per committed batch, no database
 * query per client (DESIGN.md section 7). Subscribers filter and write themselves.
 */
@ApplicationScoped
public class FeedHub {

    /** A connected stream. {@link #deliver} runs on the publishing thread and must not block. */
    public interface Subscriber {
        void deliver(FeedBatch batch);

        void keepAlive();
    }

    private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    /** The highest feed id handed to the streams (or stored before this process started); 0 when unknown. */
    private final AtomicLong position = new AtomicLong();

    public void subscribe(Subscriber subscriber) {
        subscribers.add(subscriber);
    }

    public void unsubscribe(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    public int size() {
        return subscribers.size();
    }

    /** Hands rows of a committed batch, in id order, to every stream. */
    public void publish(List<FeedItem> items) {
        if (items.isEmpty()) {
            return;
        }
        FeedBatch batch = new FeedBatch(items);
        for (Subscriber subscriber : subscribers) {
            subscriber.deliver(batch);
        }
        // moved only after delivery: a stream that starts at this position has been handed everything up to it
        advanceTo(items.get(items.size() - 1).id());
    }

    /**
     * Where the feed stands: a stream that connects without Last-Event-ID is told this id, so that if it is cut off
     * before any change reaches it (a restart of web-service) it still resumes without a gap.
     */
    public long position() {
        return position.get();
    }

    public void advanceTo(long feedId) {
        position.accumulateAndGet(feedId, Math::max);
    }

    public void keepAlive() {
        for (Subscriber subscriber : subscribers) {
            subscriber.keepAlive();
        }
    }
}
