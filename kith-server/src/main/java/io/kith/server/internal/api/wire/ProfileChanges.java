package io.kith.server.internal.api.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.kith.server.internal.json.JsonBody;
import io.kith.server.internal.json.NullableField;

/**
 * {@code PATCH /v1/me}: only the fields sent change (null here: not sent). {@code avatar_url} alone may be sent as
 * null, which removes the avatar.
 */
@JsonBody
public record ProfileChanges(String handle, String displayName, String bio, NullableField<String> avatarUrl,
                             @JsonProperty("private") Boolean isPrivate, String listsVisibility,
                             Boolean discoverable) {}
