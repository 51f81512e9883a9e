package dev.candor.app.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Loads configuration the way the launcher does, from a working directory the test owns. */
final class Fixtures {
  private Fixtures() {}

  /** Writes {@code yaml} as {@code candor.yml} in {@code dir} and loads it with {@code env}. */
  static CandorConfig loadYaml(Path dir, String yaml, Map<String, String> env) {
    write(dir.resolve(ConfigLoader.DEFAULT_FILE_NAME), yaml);
    return ConfigLoader.load(Optional.empty(), env, dir);
  }

  /** Copies {@code src/test/resources/config/<name>} to {@code candor.yml} in {@code dir}. */
  static CandorConfig loadResource(Path dir, String name, Map<String, String> env) {
    return loadYaml(dir, resource(name), env);
  }

  /** Loads with no file at all. */
  static CandorConfig loadEnv(Path emptyDir, Map<String, String> env) {
    return ConfigLoader.load(Optional.empty(), env, emptyDir);
  }

  static String resource(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/config/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource config/" + name);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
