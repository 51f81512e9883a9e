package dev.candor.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What the numbers were measured on: CPU, cores, memory, operating system and Java. */
public final class Machine {
  private Machine() {}

  public static String describe() {
    return String.format(
        Locale.ROOT,
        "%s, %d cores (nproc), %s RAM; %s %s; Java %s (%s)",
        cpuModel(),
        Runtime.getRuntime().availableProcessors(),
        memory(),
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("java.runtime.version", System.getProperty("java.version")),
        System.getProperty("java.vm.name"));
  }

  private static String cpuModel() {
    return lines("/proc/cpuinfo").stream()
        .filter(l -> l.startsWith("model name"))
        .map(l -> l.substring(l.indexOf(':') + 1).trim())
        .findFirst()
        .orElse(System.getProperty("os.arch"));
  }

  private static String memory() {
    return lines("/proc/meminfo").stream()
        .filter(l -> l.startsWith("MemTotal:"))
        .map(l -> l.replaceAll("\\D+", ""))
        .map(kb -> String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(kb) / 1024.0 / 1024.0))
        .findFirst()
        .orElse("unknown");
  }

  private static List<String> lines(String file) {
    try {
      return Files.readAllLines(Path.of(file));
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
