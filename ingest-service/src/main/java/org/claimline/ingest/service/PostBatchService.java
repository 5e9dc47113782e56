package org.claimline.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.claimline.ingest.config.IngestConfig;
import org.claimline.ingest.domain.PostJson;
import org.claimline.ingest.domain.PostSubmission;
import org.claimline.ingest.domain.PostValidator;
import org.claimline.ingest.domain.ProblemException;
import org.claimline.ingest.domain.ProblemType;

/**
 * Accepts an NDJSON stream of posts line by line: a bad line gets its own problem and the rest go on. The body is read
 * as a stream (one line in memory at a time, each line bounded) and many posts are in flight to the broker at once, so
 * a large batch costs neither memory nor one round trip per post.
 */
@ApplicationScoped
public class PostBatchService {

    private static final int NEWLINE = '\n';
    private static final int CARRIAGE_RETURN = '\r';

    private final PostService posts;
    private final PostsInFlight inFlightPosts;
    private final PostValidator validator;
    private final int maxLineBytes;
    private final int maxLines;
    private final int inFlight;

    public PostBatchService(PostService posts, PostsInFlight inFlightPosts, PostValidator validator,
            IngestConfig config) {
        this.posts = posts;
        this.inFlightPosts = inFlightPosts;
        this.validator = validator;
        this.maxLineBytes = config.posts().maxBodyBytes();
        this.maxLines = config.batch().maxLines();
        this.inFlight = config.batch().inFlight();
    }

    /** Reads and accepts every line of a batch that did not pass the overload gate (counted all the same). */
    public List<BatchLine> accept(InputStream body) throws IOException {
        return accept(body, inFlightPosts.unadmitted());
    }

    /**
     * Reads and accepts every line, each counted on the request's ticket while it awaits the broker; blocks the calling
     * (worker) thread until each line has its outcome.
     */
    public List<BatchLine> accept(InputStream body, PostsInFlight.Ticket ticket) throws IOException {
        List<BatchLine> results = Collections.synchronizedList(new ArrayList<>());
        Semaphore window = new Semaphore(inFlight);
        LineReader reader = new LineReader(body, maxLineBytes);
        long lineNumber = 0;
        int count = 0;
        byte[] line;
        while ((line = reader.next()) != null) {
            lineNumber++;
            if (reader.lastTooLong()) {
                results.add(BatchLine.refused(lineNumber, new ProblemException(ProblemType.TOO_LARGE, null,
                        "line longer than " + maxLineBytes + " bytes")));
                continue;
            }
            if (isBlank(line)) {
                continue;
            }
            if (++count > maxLines) {
                // one answer for the rest, not one per line: a body of tiny bad lines must not grow the results
                results.add(BatchLine.refused(lineNumber, new ProblemException(ProblemType.TOO_LARGE, null,
                        "a batch may hold at most " + maxLines + " posts; this line and the rest were not read: "
                                + "send them in another batch")));
                reader.skipRest();
                break;
            }
            long n = lineNumber;
            try {
                PostSubmission submission = validator.validate(PostJson.parse(line));
                window.acquire();
                acceptLine(submission, n, results, window, ticket);
            } catch (ProblemException e) {
                results.add(BatchLine.refused(n, e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while accepting a batch", e);
            }
        }
        try {
            window.acquire(inFlight);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while accepting a batch", e);
        }
        List<BatchLine> ordered = new ArrayList<>(results);
        ordered.sort(Comparator.comparingLong(BatchLine::line));
        return ordered;
    }

    /** Each post of the batch counts in ingest's posts in flight until its outcome (on the request's ticket). */
    private void acceptLine(PostSubmission submission, long line,
            List<BatchLine> results, Semaphore window, PostsInFlight.Ticket ticket) {
        ticket.postStarted();
        posts.accept(submission, Optional.empty()).subscribe().with(
                id -> {
                    results.add(BatchLine.accepted(line, id));
                    ticket.postDone();
                    window.release();
                },
                failure -> {
                    ProblemException problem = failure instanceof ProblemException p ? p
                            : ProblemException.unavailable("the post could not be accepted", 1, failure);
                    results.add(BatchLine.refused(line, problem));
                    ticket.postDone();
                    window.release();
                });
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != CARRIAGE_RETURN) {
                return false;
            }
        }
        return true;
    }

    /** Splits a stream at '\n' keeping at most {@code max} bytes of a line; longer lines are skipped and flagged. */
    static final class LineReader {

        private static final int CHUNK = 64 * 1024;

        private final InputStream in;
        private final int max;
        private final byte[] chunk = new byte[CHUNK];
        private int pos;
        private int len;
        private boolean tooLong;

        LineReader(InputStream in, int max) {
            this.in = in;
            this.max = max;
        }

        boolean lastTooLong() {
            return tooLong;
        }

        /** Reads the rest of the stream without keeping it, so the connection stays usable. */
        void skipRest() throws IOException {
            pos = len;
            while (in.read(chunk) != -1) {
                // discarded
            }
        }

        byte[] next() throws IOException {
            tooLong = false;
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            boolean any = false;
            while (true) {
                if (pos == len) {
                    len = in.read(chunk);
                    pos = 0;
                    if (len <= 0) {
                        len = 0;
                        return any ? finish(line) : null;
                    }
                }
                any = true;
                int start = pos;
                while (pos < len && chunk[pos] != NEWLINE) {
                    pos++;
                }
                int count = pos - start;
                if (!tooLong) {
                    if (line.size() + count > max) {
                        tooLong = true;
                        line.reset();
                    } else {
                        line.write(chunk, start, count);
                    }
                }
                if (pos < len) {
                    pos++;
                    return finish(line);
                }
            }
        }

        private byte[] finish(ByteArrayOutputStream line) {
            byte[] bytes = line.toByteArray();
            if (bytes.length > 0 && bytes[bytes.length - 1] == CARRIAGE_RETURN) {
                return Arrays.copyOf(bytes, bytes.length - 1);
            }
            return bytes;
        }
    }
}
