package dev.candor.adapters.console;

import dev.candor.core.command.CommandContext;
import dev.candor.core.command.Commands;
import dev.candor.core.command.Reply;
import dev.candor.core.identity.Actor;
import dev.candor.core.identity.Platform;
import dev.candor.core.render.PlainText;
import dev.candor.core.session.ChannelRef;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A terminal chat on the core. One person can act as several: {@code as alice: ask …} runs one
 * command as alice, {@code as alice} switches to alice until the next switch. Everyone is in the
 * one console channel {@code #main}.
 */
public final class ConsoleChat {
  /** The console's channel; sessions scheduled from the console are announced here. */
  public static final ChannelRef CHANNEL = new ChannelRef(Platform.CONSOLE, "main");

  private static final Pattern AS =
      Pattern.compile("(?i)^as\\s+([A-Za-z0-9._-]{1,40})\\s*(?::\\s*(.*))?$");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,40}");
  private final Commands commands;
  private final PrintStream out;
  private String current;

  public ConsoleChat(Commands commands, PrintStream out, String startAs) {
    this.commands = commands;
    this.out = out;
    this.current = startAs;
  }

  /** Reads lines until end of input or {@code quit}. */
  public void run(BufferedReader in) throws IOException {
    out.println(
        "Candor console. You are '"
            + current
            + "'. Type help, or 'as alice: ask …'"
            + " to act as someone else; quit to leave.");
    prompt();
    String line;
    while ((line = in.readLine()) != null) {
      String trimmed = line.trim();
      if (trimmed.equalsIgnoreCase("quit") || trimmed.equalsIgnoreCase("exit")) {
        break;
      }
      if (!trimmed.isEmpty()) {
        out.println(handle(trimmed));
      }
      prompt();
    }
  }

  /** Handles one line and returns what to print. */
  public String handle(String line) {
    Matcher m = AS.matcher(line);
    if (m.matches()) {
      String who = m.group(1);
      if (m.group(2) == null) {
        current = who;
        return "You are now '" + who + "'.";
      }
      return PlainText.render(as(who, m.group(2)));
    }
    if (line.toLowerCase(java.util.Locale.ROOT).startsWith("as ")) {
      return "✗ Write 'as <name>: <command>' or 'as <name>'; names are letters, digits, . _ -";
    }
    return PlainText.render(as(current, line));
  }

  /** Runs one command as the named console user. */
  public Reply as(String who, String command) {
    if (!NAME.matcher(who).matches()) {
      return new Reply.Error("Names are 1 to 40 letters, digits, '.', '_' or '-'.");
    }
    return commands.handle(new CommandContext(Actor.of(Platform.CONSOLE, who), CHANNEL), command);
  }

  private void prompt() {
    out.print(current + "> ");
    out.flush();
  }
}
