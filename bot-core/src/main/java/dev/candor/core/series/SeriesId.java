package dev.candor.core.series;

/** The id of a series of recurring sessions. People refer to a series through its sessions. */
public record SeriesId(long value) {
  public SeriesId {
    if (value <= 0) {
      throw new IllegalArgumentException("series id must be positive, was " + value);
    }
  }

  @Override
  public String toString() {
    return "series " + value;
  }
}
