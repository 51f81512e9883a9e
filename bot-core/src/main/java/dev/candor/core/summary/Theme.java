package dev.candor.core.summary;

import dev.candor.core.question.BoardEntry;
import java.util.List;

/**
 * A cluster of near-duplicate questions on the board: what many people asked in different words.
 *
 * @param representative the member with the most votes (the earliest released on a tie): its
 *     wording stands for the theme, and merging the cluster keeps it
 * @param members every question of the cluster, the representative first, in board order, with
 *     their tallies
 * @param combinedVotes how many people voted for at least one member, each counted once: the tally
 *     the representative would have after merging (after archive, when votes are plain counts, the
 *     sum of the members' tallies)
 */
public record Theme(BoardEntry representative, List<BoardEntry> members, int combinedVotes) {
  public Theme {
    members = List.copyOf(members);
  }
}
