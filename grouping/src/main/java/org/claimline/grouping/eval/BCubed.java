package org.claimline.grouping.eval;

import java.util.HashMap;
import java.util.Map;

/**
 * B-cubed precision and recall (DESIGN.md section 5): per labeled item, the share of its predicted cluster that shares
 * its label and the share of its label that is in its predicted cluster, averaged over items.
 */
public final class BCubed {

    private final Map<String, Integer> clusterSizes = new HashMap<>();
    private final Map<String, Integer> labelSizes = new HashMap<>();
    private final Map<String, Integer> pairCounts = new HashMap<>();
    private int items;

    /** Counts one labeled item; only labeled items are counted, in clusters as in labels. */
    public void add(String cluster, String label) {
        clusterSizes.merge(cluster, 1, Integer::sum);
        labelSizes.merge(label, 1, Integer::sum);
        pairCounts.merge(cluster + '\u0000' + label, 1, Integer::sum);
        items++;
    }

    public int items() {
        return items;
    }

    public Scores scores() {
        if (items == 0) {
            return new Scores(0, 0, 0);
        }
        double precision = 0;
        double recall = 0;
        for (Map.Entry<String, Integer> e : pairCounts.entrySet()) {
            String[] parts = e.getKey().split("\u0000", 2);
            double n = e.getValue();
            // each of the n items of this (cluster, label) pair has precision n/|cluster| and recall n/|label|
            precision += n * n / clusterSizes.get(parts[0]);
            recall += n * n / labelSizes.get(parts[1]);
        }
        precision /= items;
        recall /= items;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Scores(precision, recall, f1);
    }

    /** Averaged B-cubed figures. */
    public record Scores(double precision, double recall, double f1) {
    }
}
