package org.claimline.grouping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GroupingSettingsTest {

    @Test
    void withChangesOneSettingOfEitherType() {
        GroupingSettings s = GroupingSettings.defaults().with("establishedPosts", "7").with("joinThreshold", "0.25");
        assertEquals(7, s.establishedPosts());
        assertEquals(0.25, s.joinThreshold());
        assertEquals(GroupingSettings.defaults().mergeThreshold(), s.mergeThreshold());
        assertThrows(IllegalArgumentException.class, () -> s.with("noSuchSetting", "1"));
    }
}
