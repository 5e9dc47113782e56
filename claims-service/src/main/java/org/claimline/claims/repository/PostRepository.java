package org.claimline.claims.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Placed posts of claims' own database, in placement order. */
@ApplicationScoped
public class PostRepository implements PanacheRepositoryBase<PostEntity, Long> {

    /** Which of these post ids are placed already: one query for a whole batch. */
    public Set<String> existingIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(getEntityManager()
                .createQuery("select p.id from PostEntity p where p.id in :ids", String.class)
                .setParameter("ids", ids)
                .getResultList());
    }

    /** The placement number from which the latest {@code count} placements start, or 0 when there are fewer. */
    public long replayStart(int count) {
        List<Long> start = getEntityManager()
                .createQuery("select p.placement from PostEntity p order by p.placement desc", Long.class)
                .setFirstResult(Math.max(0, count - 1))
                .setMaxResults(1)
                .getResultList();
        return start.isEmpty() ? 0 : start.get(0);
    }

    /** Up to {@code limit} placements from {@code fromPlacement} on, in placement order. */
    public List<PostEntity> page(long fromPlacement, int limit) {
        return find("placement >= ?1 order by placement", fromPlacement).page(0, limit).list();
    }
}
