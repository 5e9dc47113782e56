package org.claimline.ingest.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.claimline.ingest.domain.Role;

/**
 * Who may call a resource method: the roles listed, or anyone when {@link #anonymous()} is set. A method without it is
 * refused to everyone, so a forgotten annotation fails closed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Access {

    Role[] value() default {};

    boolean anonymous() default false;
}
