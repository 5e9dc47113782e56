package org.claimline.contracts.kafka;

import org.apache.kafka.common.serialization.Serializer;
import org.claimline.contracts.ContractJson;

/** Writes any message record as JSON with {@link ContractJson}. */
public class ContractSerializer<T> implements Serializer<T> {

    @Override
    public byte[] serialize(String topic, T data) {
        return data == null ? null : ContractJson.write(data);
    }
}
