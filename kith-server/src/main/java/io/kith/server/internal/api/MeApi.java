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
import io.kith.server.internal.http.ApiRequest;
import io.kith.server.internal.http.Responses;
import io.kith.server.internal.json.JsonBody;
import java.util.Optional;
import java.util.Set;

/** {@code GET/PATCH/DELETE /v1/me}: the caller's own account. */
public final class MeApi {
  private static final Set<String> FIELDS = Set.of("handle", "display_name", "bio", "avatar_url", "private",
      "lists_visibility", "discoverable");

  private final ApiContext api;

  public MeApi(ApiContext api) {
    this.api = api;
  }

  public AggregatedHttpResponse get(ApiRequest request) {
    return Responses.ok(ownCard(self(request.caller().userId())));
  }

  public AggregatedHttpResponse update(ApiRequest request) {
    UserId me = request.caller().userId();
    JsonBody body = request.body(FIELDS);
    ProfileUpdate update = ProfileUpdate.none();
    Optional<String> handle = body.string("handle");
    if (handle.isPresent()) {
      update = update.withHandle(Handle.parse("handle", handle.get()));
    }
    Optional<String> displayName = body.string("display_name");
    if (displayName.isPresent()) {
      update = update.withDisplayName(displayName.get());
    }
    Optional<String> bio = body.string("bio");
    if (bio.isPresent()) {
      update = update.withBio(bio.get());
    }
    Optional<Optional<String>> avatarUrl = body.nullableString("avatar_url");
    if (avatarUrl.isPresent()) {
      update = update.withAvatarUrl(avatarUrl.get().orElse(null));
    }
    Optional<Boolean> isPrivate = body.bool("private");
    if (isPrivate.isPresent()) {
      update = update.withPrivate(isPrivate.get());
    }
    Optional<String> listsVisibility = body.string("lists_visibility");
    if (listsVisibility.isPresent()) {
      update = update.withListsVisibility(ListsVisibility.parse("lists_visibility", listsVisibility.get()));
    }
    Optional<Boolean> discoverable = body.bool("discoverable");
    if (discoverable.isPresent()) {
      update = update.withDiscoverable(discoverable.get());
    }
    // Turning a private account public approves all its pending follow requests (the store pages through them).
    User user = update.isEmpty() ? self(me) : api.store().updateUser(me, update);
    return Responses.ok(ownCard(user));
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
