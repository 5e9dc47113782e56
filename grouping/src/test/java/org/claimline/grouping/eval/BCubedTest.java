package org.claimline.grouping.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BCubedTest {

    @Test
    void perfectClusteringScoresOne() {
        BCubed b = new BCubed();
        b.add("x", "a");
        b.add("x", "a");
        b.add("y", "b");
        assertEquals(1.0, b.scores().f1(), 1e-12);
    }

    @Test
    void oneClusterForTwoLabelsHasFullRecallAndPartialPrecision() {
        BCubed b = new BCubed();
        b.add("x", "a");
        b.add("x", "a");
        b.add("x", "b");
        // precision: 2/3, 2/3, 1/3 -> 5/9; recall: 1, 1, 1
        assertEquals(5.0 / 9, b.scores().precision(), 1e-12);
        assertEquals(1.0, b.scores().recall(), 1e-12);
    }

    @Test
    void singletonsHaveFullPrecisionAndPartialRecall() {
        BCubed b = new BCubed();
        b.add("x", "a");
        b.add("y", "a");
        b.add("z", "b");
        // recall: 1/2, 1/2, 1 -> 2/3
        assertEquals(1.0, b.scores().precision(), 1e-12);
        assertEquals(2.0 / 3, b.scores().recall(), 1e-12);
    }
}
