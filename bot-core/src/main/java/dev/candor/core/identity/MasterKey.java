package dev.candor.core.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that wraps every session key (AES-256-GCM). It comes from configuration ({@code
 * CANDOR_MASTER_KEY}, base64 of 32 bytes) or, on the embedded default, from a file generated once
 * in the data folder and readable by its owner only. Never logged.
 */
public final class MasterKey {
  private static final int IV_BYTES = 12;
  private static final SecureRandom RANDOM = new SecureRandom();
  private final SecretKeySpec key;

  private MasterKey(byte[] raw) {
    if (raw.length != 32) {
      throw new IllegalArgumentException("master key must be 32 bytes, was " + raw.length);
    }
    this.key = new SecretKeySpec(raw, "AES");
  }

  /** Decodes a base64 (standard or url-safe) 32-byte key. */
  public static MasterKey fromBase64(String base64) {
    String t = base64.trim();
    byte[] raw =
        t.contains("-") || t.contains("_")
            ? Base64.getUrlDecoder().decode(t)
            : Base64.getDecoder().decode(t);
    return new MasterKey(raw);
  }

  public static MasterKey random() {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    return new MasterKey(raw);
  }

  /** Reads the key file, or creates it (owner read/write only) with a fresh random key. */
  public static MasterKey loadOrCreate(Path file) throws IOException {
    if (Files.exists(file)) {
      return fromBase64(Files.readString(file));
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String encoded = Base64.getEncoder().encodeToString(raw);
    Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(file);
    }
    Files.writeString(file, encoded, StandardOpenOption.TRUNCATE_EXISTING);
    return new MasterKey(raw);
  }

  /** Encrypts a session key; the result carries its own IV. */
  public byte[] wrap(byte[] sessionKey) {
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
      byte[] sealed = cipher.doFinal(sessionKey);
      byte[] out = new byte[IV_BYTES + sealed.length];
      System.arraycopy(iv, 0, out, 0, IV_BYTES);
      System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot wrap a session key", e);
    }
  }

  /** Decrypts a wrapped session key; fails if it was wrapped under another master key. */
  public byte[] unwrap(byte[] wrapped) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, wrapped, 0, IV_BYTES));
      return cipher.doFinal(wrapped, IV_BYTES, wrapped.length - IV_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot unwrap a session key: is CANDOR_MASTER_KEY the key this database was made with?",
          e);
    }
  }

  @Override
  public String toString() {
    return "MasterKey[<redacted>]";
  }
}
