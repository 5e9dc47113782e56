package org.claimline.web.rest;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import org.claimline.contracts.ContractJson;
import org.claimline.web.config.WebConfig;

/**
 * When viewer keys are configured ({@code claimline.auth.viewer-keys}, env {@code CLAIMLINE_AUTH_VIEWER_KEYS}), every
 * read needs one (DESIGN.md: open to read by default, a viewer key can be required). An API client sends
 * {@code Authorization: Bearer <key>}; a browser, which cannot add that header to a page or an EventSource, opens any
 * page once with {@code ?key=<key>}: the answer sets an HttpOnly, same-site cookie and redirects to the same address
 * without the key, and the page's scripts and streams then carry the cookie. It runs before routing, on every path,
 * so no route (REST, streams, cached pages, media, static files) is reached unchecked; health, metrics and the API
 * description under {@code /q/} stay open for operators.
 */
@ApplicationScoped
public class ViewerKeyFilter {

    static final String COOKIE = "claimline_viewer";
    static final String KEY_PARAM = "key";
    /** Runs before Quarkus's own filters and before any route. */
    private static final int PRIORITY = 10_000;
    private static final String BEARER = "bearer ";
    private static final String OPERATIONS_PATHS = "/q/";
    private static final int UNAUTHORIZED = 401;
    private static final int SEE_OTHER = 303;

    private final List<byte[]> keyDigests;

    public ViewerKeyFilter(WebConfig config) {
        this.keyDigests = config.auth().viewerKeys().orElse(List.of()).stream()
                .map(String::trim).filter(k -> !k.isEmpty()).map(ViewerKeyFilter::digest).toList();
    }

    void register(@Observes Filters filters) {
        if (!keyDigests.isEmpty()) {
            filters.register(this::filter, PRIORITY);
        }
    }

    void filter(RoutingContext rc) {
        if (rc.normalizedPath().startsWith(OPERATIONS_PATHS)) {
            rc.next();
            return;
        }
        String inQuery = rc.request().getParam(KEY_PARAM);
        if (inQuery != null && rc.request().method() == HttpMethod.GET && valid(inQuery)) {
            rc.response().addCookie(Cookie.cookie(COOKIE, inQuery.trim()).setPath("/").setHttpOnly(true)
                    .setSameSite(CookieSameSite.STRICT).setSecure(rc.request().isSSL()));
            rc.response().setStatusCode(SEE_OTHER).putHeader(HttpHeaders.LOCATION, withoutKey(rc)).end();
            return;
        }
        String header = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
        String offered = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).trim() : null;
        if (offered == null) {
            Cookie cookie = rc.request().getCookie(COOKIE);
            offered = cookie == null ? null : cookie.getValue();
        }
        if (offered != null && valid(offered)) {
            rc.next();
            return;
        }
        Problem problem = new Problem("https://claimline.org/problems/unauthorized", "Unauthorized", UNAUTHORIZED,
                offered == null ? "a viewer key is required: send Authorization: Bearer <key>, or open a page once"
                        + " with ?key=<key>" : "the viewer key is not valid", "Authorization", rc.request().path());
        rc.response().setStatusCode(UNAUTHORIZED)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("WWW-Authenticate", "Bearer realm=\"claimline\"")
                .end(Buffer.buffer(ContractJson.write(problem)));
    }

    /** Compares digests in constant time, so the answer's timing tells nothing about a key. */
    private boolean valid(String key) {
        byte[] offered = digest(key.trim());
        boolean found = false;
        for (byte[] known : keyDigests) {
            found |= MessageDigest.isEqual(known, offered);
        }
        return found;
    }

    /** The same address without the key, so that it stays out of history, bookmarks and shared links. */
    private static String withoutKey(RoutingContext rc) {
        StringBuilder target = new StringBuilder(rc.request().path());
        char separator = '?';
        for (Map.Entry<String, String> param : rc.queryParams()) {
            if (!KEY_PARAM.equals(param.getKey())) {
                target.append(separator).append(URLEncoder.encode(param.getKey(), StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return target.toString();
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
