package io.kith.server.internal.http;

import com.linecorp.armeria.server.annotation.DecoratorFactory;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a route, declared on every handler method. It installs the route's {@link AccessDecorator}, which
 * receives the body, moves the request to the blocking task executor, refuses a body that is not JSON, and resolves
 * the bearer token before the handler runs. A handler takes the result as a {@code Caller} ({@link Who#USER}) or an
 * {@code Optional<Caller>} ({@link Who#ANYONE_OR_USER}) parameter; {@link ApiRoutes} refuses to start a server whose
 * handlers disagree with their access.
 */
@DecoratorFactory(AccessDecorator.Factory.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Access {
  Who value();

  /** For {@link Who#SERVICE}: the scope the service token must hold. */
  String scope() default "";

  enum Who {
    /** No token is looked at (sign-up, log-in, health, metrics). */
    ANYONE,
    /** A user token is optional; one that is sent must be valid (401 otherwise). */
    ANYONE_OR_USER,
    /** A valid user token is required (401 without one; 403 for a service token). */
    USER,
    /** Only a service token holding {@link #scope()} (401 without a valid token, 403 for a user token). */
    SERVICE
  }
}
