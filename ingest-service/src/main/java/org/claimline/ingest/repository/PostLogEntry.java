package org.claimline.ingest.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One accepted post in ingest's own log: the exact record published to Kafka, for {@code GET /api/v1/posts/{id}}. */
@Entity
@Table(name = "post_log")
public class PostLogEntry extends PanacheEntityBase {

    @Id
    @Column(length = 36)
    public String id;

    @Column(nullable = false, length = 32)
    public String platform;

    @Column(name = "external_id", nullable = false, length = 256)
    public String externalId;

    @Column(name = "posted_at", nullable = false)
    public Instant postedAt;

    @Column(name = "accepted_at", nullable = false)
    public Instant acceptedAt;

    @Column(name = "idempotency_key", length = 255)
    public String idempotencyKey;

    @Column(name = "request_hash", nullable = false, length = 64)
    public String requestHash;

    /** The published {@code PostAccepted} as JSON. */
    @Column(name = "record", nullable = false, columnDefinition = "text")
    public String record;
}
