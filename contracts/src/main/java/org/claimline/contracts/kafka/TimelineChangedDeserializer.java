package org.claimline.contracts.kafka;

import org.claimline.contracts.TimelineChanged;

/** Kafka deserializer for {@link TimelineChanged} records. */
public class TimelineChangedDeserializer extends ContractDeserializer<TimelineChanged> {

    public TimelineChangedDeserializer() {
        super(TimelineChanged.class);
    }
}
