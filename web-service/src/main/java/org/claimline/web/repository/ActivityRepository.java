package org.claimline.web.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Reads the per-minute activity and the signal counts of events and their storylines. */
@ApplicationScoped
public class ActivityRepository {

    private final EntityManager entityManager;

    public ActivityRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A count of one scope ('' storyline = the whole event). */
    public record ActivityRow(String eventId, String storylineId, Instant bucket, int posts) {
    }

    /** Posts with a signal type in one scope. */
    public record SignalRow(String eventId, String storylineId, String type, int posts) {
    }

    @SuppressWarnings("unchecked")
    public List<ActivityRow> activity(Collection<String> eventIds, boolean eventScopeOnly) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT event_id, storyline_id, bucket, posts FROM activity WHERE event_id IN (:ids)"
                + (eventScopeOnly ? " AND storyline_id = ''" : "") + " ORDER BY bucket";
        List<Object[]> rows = entityManager.createNativeQuery(sql).setParameter("ids", eventIds).getResultList();
        return rows.stream().map(r -> new ActivityRow((String) r[0], (String) r[1], toInstant(r[2]),
                ((Number) r[3]).intValue())).toList();
    }

    @SuppressWarnings("unchecked")
    public List<SignalRow> signals(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT event_id, storyline_id, type, posts FROM signal_counts WHERE event_id IN (:ids) "
                        + "ORDER BY posts DESC, type").setParameter("ids", eventIds).getResultList();
        return rows.stream().map(r -> new SignalRow((String) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).intValue())).toList();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("unexpected time value " + value);
    }
}
