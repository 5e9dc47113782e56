package org.claimline.ingest.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.claimline.contracts.MediaFingerprint;
import org.claimline.ingest.config.IngestConfig;
import org.claimline.ingest.domain.ProblemException;
import org.claimline.ingest.repository.DatabaseGate;
import org.claimline.ingest.repository.DatabaseUnavailableException;
import org.claimline.ingest.repository.MediaEntry;
import org.claimline.ingest.repository.MediaRepository;

/**
 * Resolves the media a post references (by sha256) to the fingerprints taken at upload. Recently seen fingerprints are
 * kept in a bounded in-memory map so a post with media usually costs no database read on the event loop.
 */
@ApplicationScoped
public class MediaCatalog {

    private final MediaRepository repository;
    private final DatabaseGate gate;
    private final Map<String, MediaFingerprint> recent;

    public MediaCatalog(MediaRepository repository, DatabaseGate gate, IngestConfig config) {
        this.repository = repository;
        this.gate = gate;
        int capacity = config.media().catalogCacheSize();
        this.recent = Collections.synchronizedMap(new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, MediaFingerprint> eldest) {
                return size() > capacity;
            }
        });
    }

    void remember(MediaFingerprint fingerprint) {
        recent.put(fingerprint.sha256(), fingerprint);
    }

    /** Blocking lookup (cache, then database); {@link DatabaseUnavailableException} while the database is down. */
    public Optional<MediaFingerprint> find(String sha256) {
        MediaFingerprint cached = recent.get(sha256);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<MediaFingerprint> stored = gate.call(() -> QuarkusTransaction.joiningExisting()
                .call(() -> repository.findByIdOptional(sha256).map(MediaEntry::toFingerprint)));
        stored.ifPresent(this::remember);
        return stored;
    }

    /**
     * The fingerprints, in order; an unknown sha256 fails with 422 naming {@code media[i].sha256}. Answers at once from
     * memory when it can, otherwise reads the database on a worker thread.
     */
    public Uni<List<MediaFingerprint>> fingerprints(List<String> sha256s) {
        if (sha256s.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<MediaFingerprint> cached = new ArrayList<>();
        for (String sha : sha256s) {
            MediaFingerprint f = recent.get(sha);
            if (f == null) {
                return Uni.createFrom().item(() -> resolve(sha256s))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
            }
            cached.add(f);
        }
        return Uni.createFrom().item(cached);
    }

    private List<MediaFingerprint> resolve(List<String> sha256s) {
        List<MediaFingerprint> out = new ArrayList<>();
        for (int i = 0; i < sha256s.size(); i++) {
            String sha = sha256s.get(i);
            String field = "media[" + i + "].sha256";
            out.add(find(sha).orElseThrow(() -> ProblemException.invalid(field,
                    "unknown media " + sha + ": upload it first with POST /api/v1/media")));
        }
        return out;
    }
}
