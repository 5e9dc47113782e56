package org.claimline.web.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A placed post of the read model; list-valued parts are kept as the JSON they arrived in. */
@Entity
@Table(name = "posts")
public class PostEntity {

    @Id
    public String id;
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "storyline_id")
    public String storylineId;
    @Column(name = "sort_at")
    public Instant sortAt;
    public String platform;
    @Column(name = "external_id")
    public String externalId;
    public String url;
    @Column(name = "author_handle")
    public String authorHandle;
    @Column(name = "author_name")
    public String authorName;
    public String text;
    public String lang;
    @Column(name = "posted_at")
    public Instant postedAt;
    @Column(name = "place_name")
    public String placeName;
    public Double lat;
    public Double lon;
    @Column(name = "radius_km")
    public Double radiusKm;
    @Column(name = "media_json")
    public String mediaJson;
    @Column(name = "tags_json")
    public String tagsJson;
    @Column(name = "reasons_json")
    public String reasonsJson;
    @Column(name = "signals_json")
    public String signalsJson;
    @Column(name = "signal_types")
    public String signalTypes;
    @Column(name = "placed_at")
    public Instant placedAt;
}
