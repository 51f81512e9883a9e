package dev.candor.adapters.slack.interaction;

import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The values a person entered in a submitted modal, read by block id; absent when left empty. */
public final class ViewValues {
  private final Map<String, Map<String, ViewState.Value>> values;

  private ViewValues(Map<String, Map<String, ViewState.Value>> values) {
    this.values = values == null ? Map.of() : values;
  }

  public static ViewValues of(View view) {
    return new ViewValues(
        view == null || view.getState() == null ? null : view.getState().getValues());
  }

  public Optional<ViewState.Value> get(String block, String action) {
    Map<String, ViewState.Value> inBlock = values.get(block);
    return Optional.ofNullable(inBlock == null ? null : inBlock.get(action));
  }

  /** A text input's value, or a number input's. */
  public Optional<String> text(String block, String action) {
    return get(block, action).map(ViewState.Value::getValue).filter(v -> !v.isBlank());
  }

  /** The value of a static select's chosen option. */
  public Optional<String> selected(String block, String action) {
    return get(block, action)
        .map(ViewState.Value::getSelectedOption)
        .map(ViewState.SelectedOption::getValue);
  }

  /** The values of the chosen checkboxes. */
  public List<String> checked(String block, String action) {
    return get(block, action)
        .map(ViewState.Value::getSelectedOptions)
        .map(list -> list.stream().map(ViewState.SelectedOption::getValue).toList())
        .orElse(List.of());
  }

  public Optional<String> date(String block, String action) {
    return get(block, action).map(ViewState.Value::getSelectedDate);
  }

  public Optional<String> time(String block, String action) {
    return get(block, action).map(ViewState.Value::getSelectedTime);
  }

  public List<String> conversations(String block, String action) {
    return get(block, action).map(ViewState.Value::getSelectedConversations).orElse(List.of());
  }

  public List<String> users(String block, String action) {
    return get(block, action).map(ViewState.Value::getSelectedUsers).orElse(List.of());
  }
}
