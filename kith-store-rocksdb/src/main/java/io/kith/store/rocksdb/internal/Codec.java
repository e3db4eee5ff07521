package io.kith.store.rocksdb.internal;

import io.kith.core.Handle;
import io.kith.core.ListsVisibility;
import io.kith.core.User;
import io.kith.core.UserId;
import io.kith.core.spi.Session;
import io.kith.core.spi.TokenHash;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Value encodings, each led by a format version byte so records can evolve without a migration. Enums are written
 * as their explicit stable codes, never as ordinals: reordering a Java enum must not change what a record means.
 */
final class Codec {
  private static final byte USER_V1 = 1;
  /** v2 adds lists visibility after the private flag. */
  private static final byte USER_V2 = 2;
  /** v3 adds the discoverable flag after lists visibility. */
  private static final byte USER_V3 = 3;
  private static final byte SESSION_V1 = 1;

  private Codec() {}

  /** A stored user record: the profile and its password hash, which never leaves the store except to verify. */
  record UserRecord(User user, String passwordHash) {}

  static byte[] user(User user, String passwordHash) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(USER_V3);
      out.writeLong(user.id().value());
      out.writeUTF(user.handle().value());
      out.writeUTF(user.displayName());
      out.writeUTF(user.bio());
      out.writeBoolean(user.avatarUrl() != null);
      if (user.avatarUrl() != null) {
        out.writeUTF(user.avatarUrl());
      }
      out.writeBoolean(user.isPrivate());
      out.writeByte(user.listsVisibility().code());
      out.writeBoolean(user.discoverable());
      out.writeLong(user.createdAt().toEpochMilli());
      out.writeUTF(passwordHash);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static UserRecord user(byte[] value) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
      byte version = in.readByte();
      if (version < USER_V1 || version > USER_V3) {
        throw new IllegalStateException("user record version: " + version + " (expected: 1-3)");
      }
      UserId id = UserId.of(in.readLong());
      Handle handle = new Handle(in.readUTF());
      String displayName = in.readUTF();
      String bio = in.readUTF();
      String avatarUrl = in.readBoolean() ? in.readUTF() : null;
      boolean isPrivate = in.readBoolean();
      ListsVisibility listsVisibility = version < USER_V2 ? ListsVisibility.EVERYONE : listsVisibility(in.readByte());
      boolean discoverable = version < USER_V3 || in.readBoolean();
      Instant createdAt = Instant.ofEpochMilli(in.readLong());
      String passwordHash = in.readUTF();
      User user = new User(id, handle, displayName, bio, avatarUrl, isPrivate, listsVisibility, discoverable,
          createdAt);
      return new UserRecord(user, passwordHash);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ListsVisibility listsVisibility(byte code) {
    try {
      return ListsVisibility.fromCode(code);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("user record: " + e.getMessage(), e);
    }
  }

  static byte[] session(Session session) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(SESSION_V1);
      out.writeLong(session.userId().value());
      out.writeLong(session.createdAt().toEpochMilli());
      out.writeLong(session.expiresAt().toEpochMilli());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static Session session(TokenHash hash, byte[] value) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
      byte version = in.readByte();
      if (version != SESSION_V1) {
        throw new IllegalStateException("session record version: " + version + " (expected: " + SESSION_V1 + ")");
      }
      return new Session(hash, UserId.of(in.readLong()), Instant.ofEpochMilli(in.readLong()),
          Instant.ofEpochMilli(in.readLong()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
