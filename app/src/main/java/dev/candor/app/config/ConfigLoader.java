package dev.candor.app.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Loads the launcher's configuration: the YAML file named by {@code --config}, else {@code
 * candor.yml} in the working directory if there is one, else nothing; then the environment on top;
 * then the built-in defaults for whatever is still unset. Secrets come only from the environment.
 *
 * <p>Every problem is collected before failing, so that one {@link ConfigException} lists them all.
 */
public final class ConfigLoader {
  /** The file looked for in the working directory when {@code --config} is not given. */
  public static final String DEFAULT_FILE_NAME = "candor.yml";

  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  private ConfigLoader() {}

  /**
   * Loads and validates the configuration.
   *
   * @param explicitPath the {@code --config} option; relative paths are taken from {@code
   *     workingDir}; it is an error if it does not exist
   * @param env the environment, e.g. {@code System.getenv()}; blank values count as unset
   * @param workingDir where {@code candor.yml} is looked for
   * @throws ConfigException naming every problem found
   */
  public static CandorConfig load(
      Optional<Path> explicitPath, Map<String, String> env, Path workingDir) {
    Optional<Path> file = locate(explicitPath, workingDir);
    String where = file.map(f -> "file " + f).orElse("no file, defaults and environment only");
    JsonNode root = file.map(f -> read(f, where)).orElse(MissingNode.getInstance());
    List<String> problems = new ArrayList<>(FileKeys.problems(root));
    JsonNode values = root.isObject() ? root : MissingNode.getInstance();
    CandorConfig config = new ConfigResolver(values, env, problems).resolve();
    if (!problems.isEmpty()) {
      throw new ConfigException(where, problems);
    }
    return config;
  }

  /**
   * The file {@link #load} reads, if any, so that the launcher can say where its settings came
   * from.
   *
   * @throws ConfigException if {@code explicitPath} is given but is not a readable file
   */
  public static Optional<Path> locate(Optional<Path> explicitPath, Path workingDir) {
    if (explicitPath.isPresent()) {
      Path file = workingDir.resolve(explicitPath.get());
      if (!Files.exists(file)) {
        throw new ConfigException(
            "file " + file, List.of("the file given with --config does not exist: " + file));
      }
      if (!Files.isRegularFile(file)) {
        throw new ConfigException(
            "file " + file, List.of("the path given with --config is not a file: " + file));
      }
      return Optional.of(file);
    }
    Path implicit = workingDir.resolve(DEFAULT_FILE_NAME);
    return Files.isRegularFile(implicit) ? Optional.of(implicit) : Optional.empty();
  }

  static CandorConfig defaults() {
    List<String> problems = new ArrayList<>();
    CandorConfig config =
        new ConfigResolver(MissingNode.getInstance(), Map.of(), problems).resolve();
    if (!problems.isEmpty()) {
      throw new IllegalStateException("the built-in defaults are invalid: " + problems);
    }
    return config;
  }

  private static JsonNode read(Path file, String where) {
    try {
      JsonNode root = YAML.readTree(file.toFile());
      return root == null ? MissingNode.getInstance() : root;
    } catch (JsonProcessingException e) {
      throw new ConfigException(where, List.of("the file is not valid YAML" + yamlError(e)));
    } catch (IOException e) {
      throw new ConfigException(where, List.of("the file cannot be read: " + e.getMessage()));
    }
  }

  /**
   * Where and what, without the parser's full message: it quotes the offending line, which may hold
   * a secret someone pasted into the file.
   */
  private static String yamlError(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
      Mark context = yaml.getContextMark();
      return at(yaml.getProblemMark())
          + ": "
          + yaml.getProblem()
          + (yaml.getContext() == null || context == null
              ? ""
              : " (" + yaml.getContext() + at(context) + ")");
    }
    JsonLocation at = e.getLocation();
    String position =
        at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return position + ": " + e.getOriginalMessage().lines().findFirst().orElse("");
  }

  private static String at(Mark mark) {
    return " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
  }
}
