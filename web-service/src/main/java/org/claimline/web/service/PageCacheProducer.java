package org.claimline.web.service;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.claimline.web.config.WebConfig;
import org.claimline.web.domain.PageCache;

/** Makes the one page cache of this instance from its settings and publishes its hits, misses and size as metrics. */
@ApplicationScoped
public class PageCacheProducer {

    private static final String REQUESTS = "claimline.page.cache.requests";

    @Produces
    @Singleton
    PageCache pageCache(WebConfig config, MeterRegistry registry) {
        WebConfig.PageCacheSettings settings = config.pageCache();
        PageCache cache = settings.enabled() ? new PageCache(settings.maxEntries(), settings.maxBytes())
                : new PageCache(0, 0);
        FunctionCounter.builder(REQUESTS, cache, PageCache::hits).tag("result", "hit")
                .description("first-page reads answered from memory").register(registry);
        FunctionCounter.builder(REQUESTS, cache, PageCache::misses).tag("result", "miss")
                .description("first-page reads that went to the database").register(registry);
        FunctionCounter.builder("claimline.page.cache.evictions", cache, PageCache::evictions)
                .description("pages dropped to stay within the bounds").register(registry);
        Gauge.builder("claimline.page.cache.entries", cache, PageCache::entries).register(registry);
        Gauge.builder("claimline.page.cache.bytes", cache, PageCache::bytes).baseUnit("bytes").register(registry);
        return cache;
    }
}
