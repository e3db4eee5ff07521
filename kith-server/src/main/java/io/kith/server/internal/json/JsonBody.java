package io.kith.server.internal.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a record that is a request body, read by {@link JsonBodies}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface JsonBody {
  /** Whether the body may be left out, which reads as {@code {}} (every field absent). */
  boolean optional() default false;
}
