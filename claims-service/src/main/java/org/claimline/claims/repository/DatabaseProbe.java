package org.claimline.claims.repository;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Asks the database whether it answers at all, to tell an outage from a failure caused by the data. */
@ApplicationScoped
public class DatabaseProbe {

    private final EntityManager em;

    public DatabaseProbe(EntityManager em) {
        this.em = em;
    }

    public boolean reachable() {
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("select 1").getSingleResult());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
