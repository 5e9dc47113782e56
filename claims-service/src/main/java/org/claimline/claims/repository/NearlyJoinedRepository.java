package org.claimline.claims.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.claimline.claims.domain.NearlyJoined;
import org.hibernate.Session;

/** The placer's nearly-joined pairs, written with the batch that made them and read back when the placer is rebuilt. */
@ApplicationScoped
public class NearlyJoinedRepository {

    private final EntityManager em;

    public NearlyJoinedRepository(EntityManager em) {
        this.em = em;
    }

    /** Records the pairs in one statement; a fragment already recorded takes its newer pair. */
    public void insertAll(List<NearlyJoined> pairs) {
        if (pairs.isEmpty()) {
            return;
        }
        String[] fragments = new String[pairs.size()];
        String[] nears = new String[pairs.size()];
        Timestamp[] dues = new Timestamp[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            fragments[i] = pairs.get(i).fragmentEventId();
            nears[i] = pairs.get(i).nearEventId();
            dues[i] = Timestamp.from(pairs.get(i).due());
        }
        em.unwrap(Session.class).doWork(connection -> {
            Array fragmentArray = connection.createArrayOf("varchar", fragments);
            Array nearArray = connection.createArrayOf("varchar", nears);
            Array dueArray = connection.createArrayOf("timestamptz", dues);
            try (PreparedStatement statement = connection.prepareStatement(
                    "insert into nearly_joined (fragment_event_id, near_event_id, due_at) "
                            + "select * from unnest(?::varchar[], ?::varchar[], ?::timestamptz[]) "
                            + "on conflict (fragment_event_id) do update "
                            + "set near_event_id = excluded.near_event_id, due_at = excluded.due_at")) {
                statement.setArray(1, fragmentArray);
                statement.setArray(2, nearArray);
                statement.setArray(3, dueArray);
                statement.executeUpdate();
            } finally {
                fragmentArray.free();
                nearArray.free();
                dueArray.free();
            }
        });
    }

    /**
     * The pairs whose fragment is still an event of its own, in order of due time, the near event followed through one
     * merge (an absorbed near event's posts now live in the event that took them).
     */
    public List<NearlyJoined> unmerged() {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            List<NearlyJoined> pairs = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "select n.fragment_event_id, coalesce(near.merged_into, n.near_event_id), n.due_at "
                            + "from nearly_joined n join events fragment on fragment.id = n.fragment_event_id "
                            + "left join events near on near.id = n.near_event_id "
                            + "where fragment.merged_into is null order by n.due_at, n.fragment_event_id");
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    pairs.add(new NearlyJoined(rows.getString(1), rows.getString(2),
                            rows.getTimestamp(3).toInstant()));
                }
            }
            return pairs;
        });
    }
}
