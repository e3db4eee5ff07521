/**
 * The relation rules, owned here and nowhere else: the state of a pair of users ({@link
 * io.kith.core.relation.pair.PairState}), one transition per verb ({@link io.kith.core.relation.pair.Transitions})
 * and the effects a transition has on the per-user lists and counts ({@link io.kith.core.relation.pair.Effects}).
 *
 * <p>A store reads a pair's state, asks {@link io.kith.core.relation.pair.Transitions#apply} for the change, and
 * applies the change's effects in one atomic write; it decides nothing itself. Account deletion and a private
 * account going public are expressed through the same transitions. Exported only to the stores and their TCK: this
 * is how a store is built, not an application API.
 */
package io.kith.core.relation.pair;
