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
 * A timeline change written in the same transaction as the placement that caused it and deleted once the broker has
 * acknowledged it: the outbox that makes "stored" and "published" one decision.
 */
@Entity
@Table(name = "outbox")
public class OutboxEntity extends PanacheEntityBase {

    /** Must equal the sequence's INCREMENT BY in V1__claims.sql. */
    static final int ALLOCATION = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_seq")
    @SequenceGenerator(name = "outbox_seq", sequenceName = "outbox_seq", allocationSize = ALLOCATION)
    public Long id;
    @Column(name = "event_id")
    public String eventId;
    public long sequence;
    public String kind;
    public String payload;
    @Column(name = "created_at")
    public Instant createdAt;
}
