package org.claimline.claims.messaging;

/**
 * A record claims cannot process, with what went wrong and where it came from.
 *
 * @param key the record's key (the post id), or null
 * @param value the record's bytes as received (or as re-written when only validation failed), or null
 * @param reason what is wrong, readable
 * @param cause the kind of failure, e.g. "deserialization" or "validation"
 * @param field the offending field, or null
 * @param topic the topic it came from
 * @param partition its partition
 * @param offset its offset
 */
public record DeadLetter(String key, byte[] value, String reason, String cause, String field,
        String topic, int partition, long offset) {
}
