package org.claimline.ingest.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.claimline.ingest.domain.PostLimits;
import org.claimline.ingest.domain.PostValidator;
import org.claimline.ingest.domain.ApiKeys;
import org.claimline.ingest.service.PostsInFlight;

/** Builds the plain-Java parts (validator, API keys, the in-flight bound) from configuration, so they stay free of Quarkus. */
public class IngestBeans {

    @Produces
    @Singleton
    PostValidator postValidator() {
        return new PostValidator(PostLimits.DEFAULT, Clock.systemUTC());
    }

    @Produces
    @Singleton
    ApiKeys apiKeys(IngestConfig config) {
        IngestConfig.Auth auth = config.auth();
        return ApiKeys.load(auth.ingestKeyFile(), auth.ingestKeys(), auth.editorKeyFile(), auth.editorKeys());
    }

    @Produces
    @Singleton
    PostsInFlight postsInFlight(IngestConfig config) {
        return new PostsInFlight(config.posts().maxInFlight());
    }
}
