package dev.candor.core.series;

import dev.candor.core.session.SessionId;

/** A session's place in its series: occurrence {@code number} (from 1) of {@code series}. */
public record Occurrence(SeriesId series, int number, SessionId session) {}
