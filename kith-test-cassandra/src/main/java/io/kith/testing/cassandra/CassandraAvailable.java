package io.kith.testing.cassandra;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the Cassandra tests where a JDK for Cassandra 5.0 exists. Without one they are reported as not run, except
 * under CI ({@code CI=true}), where they run and fail, so CI can never pass without them. A JUnit condition
 * ({@code @ExtendWith}) and a jqwik hook ({@code @AddLifecycleHook}); a module using it has jqwik on its test
 * classpath (kith-store-tck brings it).
 */
public final class CassandraAvailable implements ExecutionCondition, SkipExecutionHook {
  private static boolean runnable() {
    return Jdk17.java().isPresent() || "true".equals(System.getenv("CI"));
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return runnable() ? ConditionEvaluationResult.enabled("a JDK for Cassandra: " + Jdk17.java().orElse(null))
        : ConditionEvaluationResult.disabled(Jdk17.missing());
  }

  @Override
  public SkipResult shouldBeSkipped(LifecycleContext context) {
    return runnable() ? SkipResult.doNotSkip() : SkipResult.skip(Jdk17.missing());
  }
}
