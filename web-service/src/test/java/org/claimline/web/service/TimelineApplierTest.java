package org.claimline.web.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures are a bad change (isolate it, DLQ it) and which are the database being away (retry the batch). */
class TimelineApplierTest {

    @Test
    void dataAndConstraintErrorsAreIsolatedAsPoison() {
        assertTrue(TimelineApplier.isolatable(new SQLException("invalid byte sequence", "22021")));
        assertTrue(TimelineApplier.isolatable(new SQLException("value too long", "22001")));
        assertTrue(TimelineApplier.isolatable(new SQLException("not null violation", "23502")));
        assertTrue(TimelineApplier.isolatable(new IllegalStateException("a bug on one record")));
    }

    @Test
    void anUnreachableOrBusyDatabaseIsRetriedNeverDeadLettered() {
        assertFalse(TimelineApplier.isolatable(new SQLException("connection refused", "08001")));
        assertFalse(TimelineApplier.isolatable(new SQLException("terminating connection", "57P01")));
        assertFalse(TimelineApplier.isolatable(new SQLException("deadlock detected", "40P01")));
        assertFalse(TimelineApplier.isolatable(new SQLException("no connection available")));
        assertFalse(TimelineApplier.isolatable(new SQLException("wrapped",
                new SQLException("connection reset", "08006"))));
    }
}
