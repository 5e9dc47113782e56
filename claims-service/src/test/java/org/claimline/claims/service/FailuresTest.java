package org.claimline.claims.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void outagesAreTransient() {
        assertTrue(Failures.isTransient(wrap(new SQLException("connection refused", "08001"))));
        assertTrue(Failures.isTransient(wrap(new SQLException("terminating connection", "57P01"))));
        assertTrue(Failures.isTransient(wrap(new SQLException("Acquisition timeout while waiting for new connection"))));
        assertTrue(Failures.isTransient(wrap(new ConnectException("Connection refused"))));
    }

    @Test
    void refusedValuesAreBadDataNotOutages() {
        RuntimeException nul = wrap(new SQLException("invalid byte sequence for encoding UTF8: 0x00", "22021"));
        assertFalse(Failures.isTransient(nul));
        assertTrue(Failures.isBadData(nul));
        assertTrue(Failures.isBadData(wrap(new SQLException("duplicate key", "23505"))));
        assertFalse(Failures.isBadData(wrap(new SQLException("connection refused", "08001"))));
    }

    @Test
    void theReasonIsTheInnermostMessage() {
        assertEquals("deep", Failures.rootMessage(wrap(new SQLException("deep", "22021"))));
    }

    private static RuntimeException wrap(Exception cause) {
        return new IllegalStateException("transaction failed", new RuntimeException("flush failed", cause));
    }
}
