package org.claimline.ingest.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.claimline.contracts.MediaFingerprint;

/** One uploaded image: its fingerprint and the types of the stripped copy and thumbnail served for it. */
@Entity
@Table(name = "media")
public class MediaEntry extends PanacheEntityBase {

    @Id
    @Column(length = 64)
    public String sha256;

    @Column(nullable = false, length = 32)
    public String mime;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(nullable = false)
    public int width;

    @Column(nullable = false)
    public int height;

    @Column(name = "perceptual_hash", length = 16)
    public String perceptualHash;

    @Column(name = "taken_at")
    public Instant takenAt;

    @Column(name = "gps_lat")
    public Double gpsLat;

    @Column(name = "gps_lon")
    public Double gpsLon;

    @Column(length = 200)
    public String camera;

    @Column(name = "served_mime", nullable = false, length = 32)
    public String servedMime;

    @Column(name = "thumbnail_mime", nullable = false, length = 32)
    public String thumbnailMime;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;

    public MediaFingerprint toFingerprint() {
        return new MediaFingerprint(sha256, mime, sizeBytes, width, height, perceptualHash, takenAt, gpsLat, gpsLon,
                camera);
    }
}
