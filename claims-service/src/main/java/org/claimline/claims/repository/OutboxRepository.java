package org.claimline.claims.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import org.hibernate.jpa.HibernateHints;

/** Timeline changes waiting to be published, oldest first. */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEntity, Long> {

    /**
     * Takes the relay's lock for this transaction; false when another instance's relay holds it, so that changes are
     * published by one relay at a time and in key order.
     */
    public boolean tryRelayLock(long lockKey) {
        return (Boolean) getEntityManager().createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, lockKey)
                .getSingleResult();
    }

    public List<OutboxEntity> oldest(int limit) {
        // read-only: the relay deletes what it sent, so Hibernate need not snapshot the rows for dirty checking
        return find("order by id").withHint(HibernateHints.HINT_READ_ONLY, true).page(0, limit).list();
    }

    public long deleteByIds(Collection<Long> ids) {
        return ids.isEmpty() ? 0 : delete("id in ?1", ids);
    }
}
