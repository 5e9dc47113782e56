package org.claimline.ingest.domain;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides which requests may go without an API key, on a canonical spelling of the path (decoded, slashes collapsed,
 * dot segments resolved, matrix parameters and trailing slash dropped, lower-cased). Everything not explicitly public
 * needs a key, so no spelling of a protected path can slip through: an odd spelling at worst needs a key it did not.
 */
public final class RequestPaths {

    private static final int MAX_DECODE_ROUNDS = 3;
    private static final Pattern PUBLIC_GET = Pattern.compile(
            "/q/health(/live|/ready|/started)?|/q/metrics|/q/openapi|/q/swagger-ui(/[a-z0-9._-]+)*"
                    + "|/api/v1/media/[0-9a-f]{64}(/thumbnail)?");

    private RequestPaths() {
    }

    /** True when a request with this method and raw (still encoded) path may be served without an API key. */
    public static boolean isPublic(String method, String rawPath) {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return false;
        }
        String canonical = canonical(rawPath);
        return canonical != null && PUBLIC_GET.matcher(canonical).matches();
    }

    /** The canonical spelling, or null when the path cannot be decoded (then it is never public). */
    public static String canonical(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        String path = rawPath;
        for (int round = 0; round < MAX_DECODE_ROUNDS && path.indexOf('%') >= 0; round++) {
            try {
                path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        if (path.indexOf('%') >= 0 || path.indexOf('\u0000') >= 0) {
            return null;
        }
        path = path.replace('\\', '/');
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            int matrix = segment.indexOf(';');
            String s = matrix >= 0 ? segment.substring(0, matrix) : segment;
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                segments.pollLast();
                continue;
            }
            segments.addLast(s.toLowerCase(Locale.ROOT));
        }
        return "/" + String.join("/", segments);
    }
}
