package org.claimline.contracts.kafka;

import org.claimline.contracts.PostAccepted;

/** Kafka deserializer for {@link PostAccepted} records. */
public class PostAcceptedDeserializer extends ContractDeserializer<PostAccepted> {

    public PostAcceptedDeserializer() {
        super(PostAccepted.class);
    }
}
