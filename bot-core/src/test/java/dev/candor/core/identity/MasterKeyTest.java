package dev.candor.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {
  private static final byte[] SESSION_KEY = "0123456789abcdef0123456789abcdef".getBytes();

  @Test
  void givenWrappedKey_thenTheSameMasterKeyUnwrapsIt() {
    MasterKey master = MasterKey.random();

    assertThat(master.unwrap(master.wrap(SESSION_KEY))).isEqualTo(SESSION_KEY);
  }

  @Test
  void givenTheSameKeyWrappedTwice_thenTheResultsDifferBecauseEachHasItsOwnIv() {
    MasterKey master = MasterKey.random();

    assertThat(master.wrap(SESSION_KEY)).isNotEqualTo(master.wrap(SESSION_KEY));
  }

  @Test
  void givenAnotherMasterKeyOrATamperedWrap_thenUnwrappingFails() {
    MasterKey master = MasterKey.random();
    byte[] wrapped = master.wrap(SESSION_KEY);
    byte[] tampered = wrapped.clone();
    tampered[tampered.length - 1] ^= 1;

    assertThatThrownBy(() -> MasterKey.random().unwrap(wrapped))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CANDOR_MASTER_KEY");
    assertThatThrownBy(() -> master.unwrap(tampered)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void givenBase64InEitherAlphabet_thenTheSameKeyIsRead() {
    byte[] raw = new byte[32];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = (byte) (0xF0 + i); // bytes whose base64 uses + / and - _
    }
    MasterKey standard = MasterKey.fromBase64(Base64.getEncoder().encodeToString(raw));
    MasterKey urlSafe =
        MasterKey.fromBase64(" " + Base64.getUrlEncoder().encodeToString(raw) + "\n");

    assertThat(urlSafe.unwrap(standard.wrap(SESSION_KEY))).isEqualTo(SESSION_KEY);
  }

  @Test
  void givenKeyOfTheWrongLength_thenRejected() {
    assertThatThrownBy(() -> MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
  }

  @Test
  void givenMasterKey_thenItsTextRevealsNothing() {
    byte[] raw = new byte[32];
    String encoded = Base64.getEncoder().encodeToString(raw);

    assertThat(MasterKey.fromBase64(encoded).toString())
        .isEqualTo("MasterKey[<redacted>]")
        .doesNotContain(encoded);
  }

  @Test
  void givenNoKeyFile_thenOneIsCreatedForTheOwnerOnlyAndReadBackLater(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("data").resolve("master.key");

    MasterKey created = MasterKey.loadOrCreate(file);
    MasterKey loaded = MasterKey.loadOrCreate(file);

    assertThat(loaded.unwrap(created.wrap(SESSION_KEY))).isEqualTo(SESSION_KEY);
    assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).hasSize(32);
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
  }
}
