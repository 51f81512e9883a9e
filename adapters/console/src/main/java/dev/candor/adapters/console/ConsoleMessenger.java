package dev.candor.adapters.console;

import dev.candor.core.delivery.Messenger;
import dev.candor.core.delivery.Notice;
import dev.candor.core.identity.Platform;
import dev.candor.core.identity.UserRef;
import dev.candor.core.render.PlainText;
import dev.candor.core.session.ChannelRef;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints what Candor posts to console channels and console users, as the terminal chat shows it.
 */
public final class ConsoleMessenger implements Messenger {
  private final PrintStream out;
  private final AtomicLong messages = new AtomicLong();

  public ConsoleMessenger(PrintStream out) {
    this.out = out;
  }

  @Override
  public Platform platform() {
    return Platform.CONSOLE;
  }

  @Override
  public String post(ChannelRef channel, Notice notice) {
    String ref = "m" + messages.incrementAndGet();
    print("#" + channel.channelId(), PlainText.render(notice));
    return ref;
  }

  @Override
  public void update(ChannelRef channel, String messageRef, Notice notice) {
    print("#" + channel.channelId() + " (board updated)", PlainText.render(notice));
  }

  @Override
  public void direct(UserRef user, Notice notice) {
    print("DM to " + user.userId(), PlainText.render(notice));
  }

  private synchronized void print(String where, String text) {
    out.println();
    out.println("[" + where + "]");
    out.println(indent(text));
    out.flush();
  }

  static String indent(String text) {
    return "  " + text.replace("\n", "\n  ");
  }
}
