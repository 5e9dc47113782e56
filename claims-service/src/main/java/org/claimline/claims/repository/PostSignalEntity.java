package org.claimline.claims.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One signal raised by a post (recycled-media, first-report, ...) with the reason a verifier can read. */
@Entity
@Table(name = "post_signals")
public class PostSignalEntity extends PanacheEntityBase {

    /** Must equal the sequence's INCREMENT BY in V1__claims.sql. */
    static final int ALLOCATION = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "post_signals_seq")
    @SequenceGenerator(name = "post_signals_seq", sequenceName = "post_signals_seq", allocationSize = ALLOCATION)
    public Long id;
    @Column(name = "post_id")
    public String postId;
    @Column(name = "storyline_id")
    public String storylineId;
    public String type;
    public String reason;
    @Column(name = "related_post_id")
    public String relatedPostId;
}
