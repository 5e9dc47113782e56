package org.claimline.web.rest;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.claimline.contracts.ContractJson;
import org.claimline.web.config.WebConfig;
import org.claimline.web.domain.FeedBatch;
import org.claimline.web.domain.FeedItem;
import org.claimline.web.service.FeedHub;
import org.claimline.web.service.FeedReplay;
import org.jboss.logging.Logger;

/**
 * The SSE streams {@code /api/v1/stream} and {@code /api/v1/events/{id}/stream}, written straight on Vert.x so that
 * each live message is formatted once per batch and a slow client is cut off instead of buffering without bound.
 * A client resuming with Last-Event-ID subscribes to the live hub first (buffering), replays the feed from the
 * database, then drops buffered rows it already has: no gap, no duplicate.
 */
@ApplicationScoped
public class StreamRoutes {

    private static final Logger LOG = Logger.getLogger(StreamRoutes.class);
    private static final String LAST_EVENT_ID = "Last-Event-ID";
    private static final String LAST_EVENT_ID_PARAM = "lastEventId";
    private static final Buffer KEEP_ALIVE = Buffer.buffer(": keep-alive\n\n");

    private final FeedHub hub;
    private final FeedReplay replay;
    private final WebConfig config;
    private final Vertx vertx;
    private long keepAliveTimer = -1;

    public StreamRoutes(FeedHub hub, FeedReplay replay, WebConfig config, Vertx vertx) {
        this.hub = hub;
        this.replay = replay;
        this.config = config;
        this.vertx = vertx;
    }

    void routes(@Observes Router router) {
        router.get("/api/v1/stream").handler(ctx -> open(ctx, null));
        router.get("/api/v1/events/:id/stream").handler(ctx -> open(ctx, ctx.pathParam("id")));
        keepAliveTimer = vertx.setPeriodic(config.sse().keepAlive().toMillis(), id -> hub.keepAlive());
    }

    void stop(@Observes ShutdownEvent event) {
        if (keepAliveTimer >= 0) {
            vertx.cancelTimer(keepAliveTimer);
        }
    }

    private void open(RoutingContext ctx, String eventId) {
        String raw = ctx.request().getHeader(LAST_EVENT_ID);
        if (raw == null || raw.isBlank()) {
            raw = ctx.request().getParam(LAST_EVENT_ID_PARAM);
        }
        Long lastEventId = null;
        if (raw != null && !raw.isBlank()) {
            try {
                lastEventId = Long.parseLong(raw.trim());
            } catch (NumberFormatException e) {
                lastEventId = -1L;
            }
            if (lastEventId < 0) {
                Problem problem = new Problem("https://claimline.org/problems/invalid-parameter", "Invalid parameter",
                        400, "Last-Event-ID must be a feed id this stream handed out", LAST_EVENT_ID,
                        ctx.request().path());
                ctx.response().setStatusCode(400).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .end(Buffer.buffer(ContractJson.write(problem)));
                return;
            }
        }
        HttpServerResponse response = ctx.response();
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache, no-transform")
                .putHeader("X-Accel-Buffering", "no")
                .setWriteQueueMaxSize(config.sse().maxWriteQueueBytes());
        long start = lastEventId != null ? lastEventId : hub.position();
        // A fresh stream is told where the feed stands (an id-only message, which browsers record without an event):
        // if it is cut off before its first change, EventSource still resumes from here instead of from "now".
        String position = lastEventId == null && start > 0 ? "id: " + start + "\n\n" : "";
        response.write("retry: " + config.sse().retry().toMillis() + "\n: connected\n\n" + position);
        Client client = new Client(response, vertx.getOrCreateContext(), eventId, start);
        response.closeHandler(v -> client.close());
        // read before subscribing: a stream told to reset goes on from here, and anything later reaches it live
        long livePosition = hub.position();
        hub.subscribe(client);
        if (lastEventId == null) {
            client.goLive();
            return;
        }
        long from = lastEventId;
        vertx.executeBlocking(() -> {
            client.replayFrom(from, livePosition);
            return null;
        }, false).onFailure(e -> {
            LOG.warnf("replay of the feed after %d failed: %s", from, e.getMessage());
            client.abort();
        });
    }

    /** One connected stream: buffers live rows while it replays, then writes live rows directly. */
    private final class Client implements FeedHub.Subscriber {

        private final HttpServerResponse response;
        private final Context context;
        private final String eventId;
        private final List<FeedItem> buffered = new ArrayList<>();
        private long lastSent;
        private boolean live;
        private boolean closed;

        Client(HttpServerResponse response, Context context, String eventId, long lastSent) {
            this.response = response;
            this.context = context;
            this.eventId = eventId;
            this.lastSent = lastSent;
        }

        @Override
        public void deliver(FeedBatch batch) {
            synchronized (this) {
                if (closed) {
                    return;
                }
                if (!live) {
                    buffered.addAll(batch.items());
                    return;
                }
                if (batch.firstId() > lastSent) {
                    FeedBatch.Frames frames = batch.frames(eventId);
                    if (frames.lastId() > 0) {
                        lastSent = frames.lastId();
                        write(Buffer.buffer(frames.bytes()));
                    }
                    return;
                }
                send(batch.items());
            }
        }

        @Override
        public void keepAlive() {
            context.runOnContext(v -> {
                if (!closed && !response.closed()) {
                    response.write(KEEP_ALIVE);
                }
            });
        }

        void replayFrom(long afterId, long livePosition) {
            int chunk = config.sse().replayChunk();
            long cursor = afterId;
            while (!closed) {
                List<FeedItem> rows = replay.after(cursor, eventId, chunk);
                // checked after the read: the feed is pruned from its oldest end, so if nothing above the cursor was
                // gone now, nothing was gone when the rows were read
                long oldest = replay.oldestId();
                if (oldest > cursor + 1) {
                    reset(oldest, livePosition);
                    break;
                }
                if (rows.isEmpty()) {
                    break;
                }
                Buffer frames;
                synchronized (this) {
                    frames = frames(rows);
                }
                if (frames != null && !writeAndWait(frames)) {
                    return;
                }
                cursor = rows.get(rows.size() - 1).id();
                if (rows.size() < chunk) {
                    break;
                }
            }
            goLive();
        }

        /**
         * The changes after the client's id were pruned: it is told to reload what it shows (an SSE event named
         * {@code reset}, with the id it resumes from next time) and goes on live from where the feed stood.
         */
        private void reset(long oldestKept, long livePosition) {
            String frame;
            synchronized (this) {
                lastSent = Math.max(lastSent, livePosition);
                frame = "event: reset\nid: " + lastSent + "\ndata: {\"reason\":\"the changes after your Last-Event-ID are no"
                        + " longer kept; reload the timeline\",\"oldestFeedId\":" + oldestKept + "}\n\n";
            }
            writeAndWait(Buffer.buffer(frame));
        }

        void goLive() {
            synchronized (this) {
                live = true;
                send(buffered);
                buffered.clear();
            }
        }

        /** The frames of rows above the last sent id, in order, or null; the caller holds the lock. */
        private Buffer frames(List<FeedItem> items) {
            StringBuilder frames = new StringBuilder();
            for (FeedItem item : items) {
                if (item.id() > lastSent && (eventId == null || item.concerns(eventId))) {
                    frames.append(item.frame());
                    lastSent = item.id();
                }
            }
            return frames.length() == 0 ? null : Buffer.buffer(frames.toString());
        }

        /** Replay pace: writes a chunk and waits until the client has taken it in (false if it went away). */
        private boolean writeAndWait(Buffer frames) {
            CompletableFuture<Boolean> drained = new CompletableFuture<>();
            context.runOnContext(v -> {
                if (closed || response.closed()) {
                    drained.complete(false);
                    return;
                }
                response.write(frames);
                if (response.writeQueueFull()) {
                    response.drainHandler(d -> drained.complete(true));
                } else {
                    drained.complete(true);
                }
            });
            try {
                return drained.get(config.sse().keepAlive().toMillis() * 4, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException | TimeoutException e) {
                abort();
                return false;
            }
        }

        /** Writes live rows; a client that cannot keep up is cut off. The caller holds the lock. */
        private void send(List<FeedItem> items) {
            Buffer buffer = frames(items);
            if (buffer != null) {
                write(buffer);
            }
        }

        /** Writes live frames on the stream's event loop; a client that cannot keep up is cut off. */
        private void write(Buffer buffer) {
            context.runOnContext(v -> {
                if (closed || response.closed()) {
                    return;
                }
                if (response.writeQueueFull()) {
                    LOG.debugf("closing a stream that cannot keep up; it resumes with Last-Event-ID");
                    abort();
                    return;
                }
                response.write(buffer);
            });
        }

        void abort() {
            close();
            context.runOnContext(v -> {
                if (!response.closed()) {
                    response.reset();
                }
            });
        }

        void close() {
            synchronized (this) {
                closed = true;
                buffered.clear();
            }
            hub.unsubscribe(this);
        }
    }
}
