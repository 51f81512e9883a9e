package dev.candor.bench.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.concurrent.Callable;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Java Flight Recorder around a piece of the run, when {@code --profile} is given: the JDK's
 * "profile" settings, written to {@code <work>/jfr/<name>.jfr}. Read with {@code jfr print --events
 * jdk.ExecutionSample} or JDK Mission Control.
 */
public final class Profiling {
  private Profiling() {}

  public static <T> T record(boolean enabled, Path workDir, String name, Callable<T> work)
      throws Exception {
    if (!enabled) {
      return work.call();
    }
    Path file = workDir.resolve("jfr").resolve(name + ".jfr");
    Files.createDirectories(file.getParent());
    try (Recording recording = new Recording(profileSettings())) {
      recording.start();
      try {
        return work.call();
      } finally {
        recording.stop();
        recording.dump(file);
        System.out.println("    JFR recording: " + file.toAbsolutePath());
      }
    }
  }

  private static Configuration profileSettings() throws IOException {
    try {
      return Configuration.getConfiguration("profile");
    } catch (ParseException e) {
      throw new IOException("the JDK's JFR profile settings are unreadable", e);
    }
  }
}
