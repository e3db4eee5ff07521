package io.kith.server.internal.api;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import io.kith.core.Handle;
import io.kith.core.KithException;
import io.kith.core.ListsVisibility;
import io.kith.core.ProfileUpdate;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.server.internal.auth.Authenticator.Caller;
import io.kith.server.internal.api.wire.OwnCard;
import io.kith.server.internal.api.wire.ProfileChanges;
import io.kith.server.internal.http.ApiRequest;
import io.kith.server.internal.http.Responses;
import java.util.Optional;

/** {@code GET/PATCH/DELETE /v1/me}: the caller's own account. */
public final class MeApi {
  private final ApiContext api;

  public MeApi(ApiContext api) {
    this.api = api;
  }

  public AggregatedHttpResponse get(ApiRequest request) {
    return Responses.ok(ownCard(self(request.caller().userId())));
  }

  public AggregatedHttpResponse update(ApiRequest request) {
    UserId me = request.caller().userId();
    ProfileUpdate update = changes(request.body(ProfileChanges.class));
    // Turning a private account public approves all its pending follow requests (the store pages through them).
    User user = update.isEmpty() ? self(me) : api.store().updateUser(me, update);
    return Responses.ok(ownCard(user));
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

  public AggregatedHttpResponse delete(ApiRequest request) {
    Caller caller = request.caller();
    api.store().deleteUser(caller.userId());
    // The session would be refused anyway (its user is gone); removing it keeps the store tidy.
    api.store().deleteSession(caller.tokenHash());
    api.sessions().forget(caller.tokenHash());
    return Responses.noContent();
  }

  private User self(UserId me) {
    return api.store().user(me).orElseThrow(() -> KithException.notFound("your account no longer exists"));
  }
}
