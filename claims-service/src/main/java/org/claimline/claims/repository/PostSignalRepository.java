package org.claimline.claims.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Signals raised by placed posts. */
@ApplicationScoped
public class PostSignalRepository implements PanacheRepositoryBase<PostSignalEntity, Long> {
}
