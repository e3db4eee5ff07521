package io.kith.server.internal.api;

import com.linecorp.armeria.server.ServiceOption;
import com.linecorp.armeria.server.annotation.Delete;
import com.linecorp.armeria.server.annotation.Get;
import com.linecorp.armeria.server.annotation.Patch;
import io.kith.core.Handle;
import io.kith.core.KithException;
import io.kith.core.ListsVisibility;
import io.kith.core.ProfileUpdate;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.server.internal.api.wire.OwnCard;
import io.kith.server.internal.api.wire.ProfileChanges;
import io.kith.server.internal.auth.Authenticator.Caller;
import io.kith.server.internal.http.Access;
import io.kith.server.internal.http.ApiRoutes;
import java.util.Optional;

/** {@code GET/PATCH/DELETE /v1/me}: the caller's own account. */
public final class MeApi {
  private final ApiContext api;

  public MeApi(ApiContext api) {
    this.api = api;
  }

  @Get("/v1/me")
  @Access(Access.Who.USER)
  public OwnCard get(Caller caller) {
    return ownCard(self(caller.userId()));
  }

  /** Turning a private account public approves all its pending follow requests: a long write. */
  @Patch("/v1/me")
  @Access(Access.Who.USER)
  @ServiceOption(requestTimeoutMillis = ApiRoutes.LONG_WRITE_TIMEOUT_MILLIS)
  public OwnCard update(Caller caller, ProfileChanges body) {
    UserId me = caller.userId();
    ProfileUpdate update = changes(body);
    // Turning a private account public approves all its pending follow requests (the store pages through them).
    User user = update.isEmpty() ? self(me) : api.store().updateUser(me, update);
    return ownCard(user);
  }

  /** Deleting an account removes every edge it has: a long write. */
  @Delete("/v1/me")
  @Access(Access.Who.USER)
  @ServiceOption(requestTimeoutMillis = ApiRoutes.LONG_WRITE_TIMEOUT_MILLIS)
  public void delete(Caller caller) {
    api.store().deleteUser(caller.userId());
    // The session would be refused anyway (its user is gone); removing it keeps the store tidy.
    api.store().deleteSession(caller.tokenHash());
    api.sessions().forget(caller.tokenHash());
  }

  /** What the body asks to change, each field checked by its rule; none for an empty object. */
  private static ProfileUpdate changes(ProfileChanges body) {
    ProfileUpdate update = ProfileUpdate.none();
    if (body.handle() != null) {
      update = update.withHandle(Handle.parse("handle", body.handle()));
    }
    if (body.displayName() != null) {
      update = update.withDisplayName(body.displayName());
    }
    if (body.bio() != null) {
      update = update.withBio(body.bio());
    }
    if (body.avatarUrl().isPresent()) {
      update = update.withAvatarUrl(body.avatarUrl().orElseNull());
    }
    if (body.isPrivate() != null) {
      update = update.withPrivate(body.isPrivate());
    }
    if (body.listsVisibility() != null) {
      update = update.withListsVisibility(ListsVisibility.parse("lists_visibility", body.listsVisibility()));
    }
    if (body.discoverable() != null) {
      update = update.withDiscoverable(body.discoverable());
    }
    return update;
  }

  /** The public card plus the owner's own settings that others do not see. */
  private OwnCard ownCard(User user) {
    return new OwnCard(api.cards().card(user, Optional.empty()), user.discoverable());
  }

  private User self(UserId me) {
    return api.store().user(me).orElseThrow(() -> KithException.notFound("your account no longer exists"));
  }
}
