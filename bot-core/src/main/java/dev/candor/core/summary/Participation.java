package dev.candor.core.summary;

/**
 * Raw participation figures of a session. Never shown as is: {@link #view(int)} suppresses every
 * figure below k.
 */
public record Participation(int askers, int voters, int votes) {

  /** The figures as they may be shown, each suppressed if below {@code k}. */
  public ParticipationView view(int k) {
    return new ParticipationView(
        Figure.of(askers, k), Figure.of(voters, k), Figure.of(votes, k), k);
  }

  /** One figure, or the fact that it is below k (the value is then not kept). */
  public record Figure(int value, boolean suppressed, int k) {
    /** The figure, suppressed if below {@code k}. */
    public static Figure of(int value, int k) {
      return value < k ? new Figure(0, true, k) : new Figure(value, false, k);
    }

    @Override
    public String toString() {
      return suppressed ? "fewer than " + k : Integer.toString(value);
    }
  }

  /** Participation safe to show anywhere. */
  public record ParticipationView(Figure askers, Figure voters, Figure votes, int k) {}
}
