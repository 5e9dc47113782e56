package org.claimline.ingest.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.claimline.ingest.config.IngestConfig;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyReader;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * The raw JSON body of one post, read with the post size limit: a declared length over it is refused before reading,
 * and a body without one is read only up to the limit. Small bodies are read on the event loop like a {@code byte[]};
 * a large one is handed to a worker by RESTEasy, and never more than the limit is held in memory.
 */
public record PostBody(byte[] bytes) {

    static final String FIELD = "body";
    static final String WHAT = "a post body";

    /**
     * Reads {@link PostBody} entities. A server reader, so RESTEasy never asks for the parameter's annotations: for a
     * plain reader it parses them from the class file on every request (8% of ingest's CPU per JSON post).
     */
    @Provider
    @Consumes(MediaType.APPLICATION_JSON)
    public static class Reader implements ServerMessageBodyReader<PostBody> {

        private final int maxBodyBytes;

        public Reader(IngestConfig config) {
            this.maxBodyBytes = config.posts().maxBodyBytes();
        }

        @Override
        public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return type == PostBody.class;
        }

        @Override
        public boolean isReadable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo method,
                MediaType mediaType) {
            return type == PostBody.class;
        }

        @Override
        public PostBody readFrom(Class<PostBody> type, Type genericType, MediaType mediaType,
                ServerRequestContext context) throws IOException {
            return read(context.getRequestHeaders().getHeaderString(HttpHeaders.CONTENT_LENGTH),
                    context.getInputStream());
        }

        @Override
        public PostBody readFrom(Class<PostBody> type, Type genericType, Annotation[] annotations,
                MediaType mediaType, MultivaluedMap<String, String> headers, InputStream entityStream)
                throws IOException {
            return read(headers.getFirst(HttpHeaders.CONTENT_LENGTH), entityStream);
        }

        private PostBody read(String declaredLength, InputStream entityStream) throws IOException {
            Long length = declaredLength == null ? null : Long.valueOf(declaredLength.trim());
            Bodies.checkDeclared(length, maxBodyBytes, FIELD, WHAT);
            return new PostBody(Bodies.readAtMost(entityStream, length, maxBodyBytes, FIELD, WHAT));
        }
    }
}
