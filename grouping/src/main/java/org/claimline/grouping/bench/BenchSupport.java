package org.claimline.grouping.bench;

import org.claimline.grouping.GroupingSettings;

/** What the engine's benchmarks share: settings given as system properties, and the heap measured after a GC. */
final class BenchSupport {

    private static final String SETTING_PREFIX = "claimline.grouping.";
    private static final double MEGABYTE = 1024.0 * 1024.0;

    private BenchSupport() {
    }

    /** The defaults with each {@code -Dclaimline.grouping.<name>=<value>} applied (tuning runs need no rebuild). */
    static GroupingSettings settingsFromSystemProperties() {
        GroupingSettings settings = GroupingSettings.defaults();
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith(SETTING_PREFIX)) {
                settings = settings.with(name.substring(SETTING_PREFIX.length()), System.getProperty(name));
            }
        }
        return settings;
    }

    /** Heap in use right after a requested GC, in MB: what the engine keeps alive. */
    static double heapAfterGcMb() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / MEGABYTE;
    }
}
