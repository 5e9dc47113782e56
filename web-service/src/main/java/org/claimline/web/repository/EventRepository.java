package org.claimline.web.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Reads events newest activity first, by keyset (last_activity_at, id). */
@ApplicationScoped
public class EventRepository implements PanacheRepositoryBase<EventEntity, String> {

    private static final String ORDER = " order by lastActivityAt desc, id desc";

    /** A page of events; {@code status} null means every status but merged; {@code after} null means the first page. */
    public List<EventEntity> page(String status, Instant afterAt, String afterId, int limit) {
        StringBuilder query = new StringBuilder();
        Parameters parameters = new Parameters();
        if (status == null) {
            query.append("mergedInto is null");
        } else {
            query.append("status = :status");
            parameters.and("status", status);
        }
        if (afterAt != null) {
            query.append(" and lastActivityAt <= :at and (lastActivityAt < :at or id < :id)");
            parameters.and("at", afterAt).and("id", afterId);
        }
        return find(query + ORDER, parameters).page(0, limit).list();
    }
}
