package dev.candor.adapters.slack.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * State that travels through Slack (a modal's {@code private_metadata}, an overflow option's value)
 * as JSON of a small record, never as a string to split.
 */
public final class StateJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private StateJson() {}

  public static String write(Object state) {
    try {
      return JSON.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + state.getClass().getSimpleName(), e);
    }
  }

  /** Reads state Candor wrote earlier; anything else is refused as bad input. */
  public static <T> T read(String json, Class<T> type) {
    T state;
    try {
      state = json == null ? null : JSON.readValue(json, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      state = null;
    }
    if (state == null) {
      throw new IllegalArgumentException("not a " + type.getSimpleName() + " written by Candor");
    }
    return state;
  }
}
