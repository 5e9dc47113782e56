package org.claimline.claims.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An event as claims stores it, with the sequence number of its latest timeline change. */
@Entity
@Table(name = "events")
public class EventEntity extends PanacheEntityBase {

    public static final String LIVE = "live";
    public static final String MERGED = "merged";

    @Id
    public String id;
    public String title;
    @Column(name = "place_name")
    public String placeName;
    public Double lat;
    public Double lon;
    @Column(name = "radius_km")
    public Double radiusKm;
    @Column(name = "first_post_at")
    public Instant firstPostAt;
    @Column(name = "last_post_at")
    public Instant lastPostAt;
    @Column(name = "post_count")
    public long postCount;
    @Column(name = "author_count")
    public long authorCount;
    @Column(name = "storyline_count")
    public int storylineCount;
    public String status;
    public long sequence;
    @Column(name = "merged_into")
    public String mergedInto;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Takes the sequence number of the next timeline change of this event. */
    public long nextSequence() {
        sequence++;
        return sequence;
    }
}
