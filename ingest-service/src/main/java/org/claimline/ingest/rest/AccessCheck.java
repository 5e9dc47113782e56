package org.claimline.ingest.rest;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.claimline.ingest.domain.ProblemType;
import org.claimline.ingest.domain.Role;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Role check after routing, on the resource method actually chosen (whatever the path's spelling): 401 for anonymous
 * callers, 403 for a valid key of the wrong role, per {@link Access}.
 */
public class AccessCheck {

    private final CurrentVertxRequest request;

    public AccessCheck(CurrentVertxRequest request) {
        this.request = request;
    }

    @ServerRequestFilter
    public Response check(ResourceInfo resource, UriInfo uri) {
        Access access = access(resource);
        Role role = request.getCurrent().get(ApiKeyFilter.ROLE);
        if (access != null && access.anonymous()) {
            return null;
        }
        if (role == null) {
            return ProblemMapper.response(Problem.of(ProblemType.UNAUTHORIZED, "Authorization",
                    "an API key is required (send Authorization: Bearer <key>)", uri.getPath()), null);
        }
        if (access == null || Arrays.stream(access.value()).noneMatch(role::equals)) {
            return ProblemMapper.response(Problem.of(ProblemType.FORBIDDEN, "Authorization",
                    "a " + role.name().toLowerCase(java.util.Locale.ROOT) + " key may not do this", uri.getPath()),
                    null);
        }
        return null;
    }

    private static Access access(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        Access onMethod = method == null ? null : method.getAnnotation(Access.class);
        return onMethod != null ? onMethod : resource.getResourceClass().getAnnotation(Access.class);
    }
}
