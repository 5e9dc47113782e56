package org.claimline.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.claimline.ingest.repository.PostLogRepository;
import org.claimline.ingest.repository.PostLogRow;
import org.claimline.ingest.repository.PostLogWriter;

/** Reads accepted posts: first the rows still on their way to the database, then the post log itself. */
@ApplicationScoped
public class PostQueries {

    private final PostLogWriter writer;
    private final PostLogRepository repository;

    public PostQueries(PostLogWriter writer, PostLogRepository repository) {
        this.writer = writer;
        this.repository = repository;
    }

    /** The accepted record as published ({@code PostAccepted} JSON). */
    public Optional<String> recordJson(String id) {
        Optional<PostLogRow> pending = writer.pending(id);
        if (pending.isPresent()) {
            return Optional.of(pending.get().record());
        }
        return repository.findRow(id).map(PostLogRow::record);
    }
}
