package org.claimline.web.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
    }

    public void keepAlive() {
        for (Subscriber subscriber : subscribers) {
            subscriber.keepAlive();
        }
    }
}
