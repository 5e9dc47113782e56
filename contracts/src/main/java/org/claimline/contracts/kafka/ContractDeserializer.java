package org.claimline.contracts.kafka;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.claimline.contracts.ContractJson;

/** Reads one message record type as JSON; a record that is not one fails loudly so it can go to a DLQ. */
public abstract class ContractDeserializer<T> implements Deserializer<T> {

    private final Class<T> type;

    protected ContractDeserializer(Class<T> type) {
        this.type = type;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return ContractJson.read(data, type);
        } catch (IllegalArgumentException e) {
            throw new SerializationException(e.getMessage(), e);
        }
    }
}
