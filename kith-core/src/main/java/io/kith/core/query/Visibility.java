package io.kith.core.query;

import io.kith.core.ListsVisibility;
import io.kith.core.Relationship;
import io.kith.core.User;
import io.kith.core.UserId;
import java.util.Optional;

/** Who may see what of a user. */
public final class Visibility {
  private Visibility() {}

  /**
   * Whether {@code viewer} (empty: anonymous) may see {@code owner} at all. A user that blocks the viewer is, to
   * that viewer, indistinguishable from one that does not exist.
   *
   * @param viewerToOwner how the viewer stands with the owner; empty for anonymous viewers
   */
  public static boolean canSeeUser(Optional<Relationship> viewerToOwner) {
    return viewerToOwner.map(r -> !r.blockedBy()).orElse(true);
  }

  /**
   * Whether {@code viewer} may see {@code owner}'s followers, following and friends lists: the owner always; for a
   * private account only approved followers; and then as the owner's {@link ListsVisibility} says.
   */
  public static boolean canSeeLists(Optional<UserId> viewer, User owner, Optional<Relationship> viewerToOwner) {
    if (viewer.isPresent() && viewer.get().equals(owner.id())) {
      return true;
    }
    boolean follows = viewerToOwner.map(Relationship::following).orElse(false);
    boolean friend = viewerToOwner.map(Relationship::friend).orElse(false);
    if (owner.isPrivate() && !follows) {
      return false;
    }
    return switch (owner.listsVisibility()) {
      case EVERYONE -> true;
      case FOLLOWERS -> follows;
      case FRIENDS -> friend;
      case ONLY_ME -> false;
    };
  }

  /** Why {@link #canSeeLists} said no, for the error's detail. */
  public static String whyListsHidden(User owner) {
    if (owner.isPrivate()) {
      return "this account is private: only its approved followers see its lists";
    }
    return switch (owner.listsVisibility()) {
      case FOLLOWERS -> "this account shows its lists to its followers only";
      case FRIENDS -> "this account shows its lists to its friends only";
      case ONLY_ME -> "this account does not show its lists";
      case EVERYONE -> "this account's lists are visible";
    };
  }
}
