package org.claimline.web.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An event row of the read model, as claims-service last described it. */
@Entity
@Table(name = "events")
public class EventEntity {

    @Id
    public String id;
    public String title;
    public String status;
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
    @Column(name = "last_activity_at")
    public Instant lastActivityAt;
    @Column(name = "merged_into")
    public String mergedInto;
}
