package org.claimline.ingest.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The media table: fingerprints of uploaded images by sha256. */
@ApplicationScoped
public class MediaRepository implements PanacheRepositoryBase<MediaEntry, String> {
}
