package io.kith.bench.peer;

import io.kith.bench.driver.Graph;

/**
 * One store under test, driven by many threads at once. Every method is one request as an application would make
 * it; ids are the graph's user ids. A peer states what it does in {@link #settings()} for the report.
 */
public interface Peer extends AutoCloseable {
  /** A page of a followers list: how many entries, and the cursor for the next page (null at the end). */
  record Page(int size, Object next) {}

  String name();

  /** Versions and settings that matter for the comparison. */
  String settings();

  /** Loads {@code graph} into an empty store, as fast as the store allows. */
  void load(Graph graph) throws Exception;

  /** Whom {@code viewer} follows among {@code others} (one request); returns how many it follows. */
  int checks(int viewer, int[] others);

  /** Followers of {@code owner}, newest first, after {@code cursor} (null: from the start). */
  Page followers(int owner, Object cursor, int limit);

  long followerCount(int user);

  /** A durable follow (as durable as the store promises); false if it was already there. */
  boolean follow(int follower, int followee);

  boolean unfollow(int follower, int followee);

  /** Reads a profile; returns a size so the read cannot be optimized away. */
  int profile(int user);

  void updateProfile(int user, String bio);

  void createUser(int user);

  void deleteUser(int user);

  /** Bytes the store uses for the graph after loading (disk, or memory for in-memory stores), -1 if unknown. */
  long footprintBytes() throws Exception;

  /** What kind of footprint {@link #footprintBytes()} measures. */
  default String footprintKind() {
    return "disk";
  }

  @Override
  void close() throws Exception;
}
