package org.claimline.ingest.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.claimline.ingest.config.IngestConfig;

/**
 * The raw JSON body of one post, read with the post size limit: a declared length over it is refused before reading,
 * and a body without one is read only up to the limit. Small bodies are read on the event loop like a {@code byte[]};
 * a large one is handed to a worker by RESTEasy, and never more than the limit is held in memory.
 */
public record PostBody(byte[] bytes) {

    static final String FIELD = "body";
    static final String WHAT = "a post body";

    /** Reads {@link PostBody} entities. */
    @Provider
    @Consumes(MediaType.APPLICATION_JSON)
    public static class Reader implements MessageBodyReader<PostBody> {

        private final int maxBodyBytes;

        public Reader(IngestConfig config) {
            this.maxBodyBytes = config.posts().maxBodyBytes();
        }

        @Override
        public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return type == PostBody.class;
        }

        @Override
        public PostBody readFrom(Class<PostBody> type, Type genericType, Annotation[] annotations,
                MediaType mediaType, MultivaluedMap<String, String> headers, InputStream entityStream)
                throws IOException {
            String header = headers.getFirst(HttpHeaders.CONTENT_LENGTH);
            Long length = header == null ? null : Long.valueOf(header.trim());
            Bodies.checkDeclared(length, maxBodyBytes, FIELD, WHAT);
            return new PostBody(Bodies.readAtMost(entityStream, length, maxBodyBytes, FIELD, WHAT));
        }
    }
}
