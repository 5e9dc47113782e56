package org.claimline.claims.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A placed post: where it went, why (reasons as a JSON array) and the accepted record itself (JSON). Its key is the
 * placement order, drawn from a pooled sequence so that a batch of inserts needs no round trip per row.
 */
@Entity
@Table(name = "posts")
public class PostEntity extends PanacheEntityBase {

    /** Must equal the sequence's INCREMENT BY in V1__claims.sql. */
    static final int ALLOCATION = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "posts_seq")
    @SequenceGenerator(name = "posts_seq", sequenceName = "posts_seq", allocationSize = ALLOCATION)
    public Long placement;
    public String id;
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "storyline_id")
    public String storylineId;
    @Column(name = "author_handle")
    public String authorHandle;
    @Column(name = "posted_at")
    public Instant postedAt;
    @Column(name = "placed_at")
    public Instant placedAt;
    public String reasons;
    public String payload;
}
