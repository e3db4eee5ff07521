package io.kith.server.internal.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Put;
import io.kith.server.internal.api.UsersApi;
import io.kith.server.internal.auth.Authenticator.Caller;
import io.kith.server.internal.json.JsonBody;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A server will not start with a route that forgot its access or takes a caller its access does not resolve. */
class ApiRoutesTest {
  public static final class NoAccess {
    @Get("/x")
    public String x() {
      return "x";
    }
  }

  public static final class RequiredCallerOnOptionalRoute {
    @Get("/x")
    @Access(Access.Who.ANYONE_OR_USER)
    public String x(Caller caller) {
      return "x";
    }
  }

  public static final class OptionalCallerOnUserRoute {
    @Get("/x")
    @Access(Access.Who.USER)
    public String x(Optional<Caller> caller) {
      return "x";
    }
  }

  public static final class ServiceWithoutScope {
    @Get("/x")
    @Access(Access.Who.SERVICE)
    public String x() {
      return "x";
    }
  }

  @JsonBody
  public record PrimitiveBody(int count) {}

  public static final class UnreadableBody {
    @Put("/x")
    @Access(Access.Who.ANYONE)
    public void x(PrimitiveBody body) {}
  }

  @Test
  void routesThatDisagreeWithTheirAccessAreRefused() {
    assertThatThrownBy(() -> ApiRoutes.requireDeclaredAccess(NoAccess.class))
        .hasMessage("NoAccess.x declares no @Access");
    assertThatThrownBy(() -> ApiRoutes.requireDeclaredAccess(RequiredCallerOnOptionalRoute.class))
        .hasMessageContaining("Authenticator$Caller but its access is ANYONE_OR_USER");
    assertThatThrownBy(() -> ApiRoutes.requireDeclaredAccess(OptionalCallerOnUserRoute.class))
        .hasMessageContaining("but its access is USER");
    assertThatThrownBy(() -> ApiRoutes.requireDeclaredAccess(ServiceWithoutScope.class))
        .hasMessageContaining("SERVICE needs one");
    assertThatThrownBy(() -> ApiRoutes.requireDeclaredAccess(UnreadableBody.class))
        .hasMessageContaining("a request body field of type int");
  }

  @Test
  void kithsOwnRoutesPass() {
    assertThatCode(() -> ApiRoutes.requireDeclaredAccess(UsersApi.class)).doesNotThrowAnyException();
  }
}
