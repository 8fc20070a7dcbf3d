package org.alliancekg.serve.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The password file: salted PBKDF2 entries, verification, rewriting, refusal of malformed lines. */
class PasswordFileTest {

    @TempDir
    Path dir;

    @Test
    void writesHashesNotPasswordsAndVerifiesThem() throws Exception {
        Path file = dir.resolve("passwords");
        assertTrue(PasswordFile.setPassword(file, "alice", "s3cret pass".toCharArray()));
        assertTrue(PasswordFile.setPassword(file, "bob", "s3cret pass".toCharArray()));
        String text = Files.readString(file);
        assertFalse(text.contains("s3cret"), text);
        List<String> entries = text.lines().filter(l -> !l.startsWith("#")).toList();
        assertEquals(2, entries.size());
        assertTrue(entries.get(0).matches("alice:pbkdf2-sha256:600000:[A-Za-z0-9+/=]{24}:[A-Za-z0-9+/=]{44}"),
                entries.get(0));
        assertNotEquals(entries.get(0).split(":")[4], entries.get(1).split(":")[4], "same password, same hash: no salt");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        PasswordFile users = PasswordFile.read(file);
        assertEquals(List.of("alice", "bob"), List.copyOf(users.users()));
        assertTrue(users.verify("alice", "s3cret pass".toCharArray()));
        assertTrue(users.verify("alice", "s3cret pass".toCharArray()), "a remembered credential still verifies");
        assertFalse(users.verify("alice", "s3cret pas".toCharArray()));
        assertFalse(users.verify("alice", "".toCharArray()));
        assertFalse(users.verify("carol", "s3cret pass".toCharArray()));
    }

    @Test
    void settingAPasswordAgainReplacesTheLine() {
        Path file = dir.resolve("passwords");
        PasswordFile.setPassword(file, "alice", "first".toCharArray());
        assertFalse(PasswordFile.setPassword(file, "alice", "second".toCharArray()));
        PasswordFile users = PasswordFile.read(file);
        assertEquals(1, users.users().size());
        assertFalse(users.verify("alice", "first".toCharArray()));
        assertTrue(users.verify("alice", "second".toCharArray()));
    }

    @Test
    void malformedLinesAreRefusedWithFileAndLine() throws Exception {
        Path file = dir.resolve("passwords");
        for (String bad : List.of("alice:secret", "alice:md5:1000:c2FsdA==:aGFzaA==",
                "alice:pbkdf2-sha256:10:c2FsdHNhbHQ=:aGFzaGhhc2hoYXNoaGFzaA==",
                "al ice:pbkdf2-sha256:600000:c2FsdHNhbHQ=:aGFzaGhhc2hoYXNoaGFzaA==",
                "alice:pbkdf2-sha256:600000:not base64!:aGFzaGhhc2hoYXNoaGFzaA==")) {
            Files.writeString(file, "# users\n" + bad + "\n");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PasswordFile.read(file));
            assertTrue(e.getMessage().startsWith(file + ":2: "), e.getMessage());
        }
        String good = PasswordFile.entry("alice", "pw".toCharArray());
        Files.writeString(file, good + "\n" + good + "\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PasswordFile.read(file)).getMessage()
                .contains("appears twice"));
        assertThrows(IllegalArgumentException.class, () -> PasswordFile.entry("bad:name", "pw".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> PasswordFile.entry("alice", new char[0]));
    }

    @Test
    void passwdCommandWritesAnEntryFromStandardInput() {
        Path file = dir.resolve("sub/passwords");
        java.io.InputStream stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream("typed secret\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            java.io.StringWriter out = new java.io.StringWriter();
            picocli.CommandLine cl = org.alliancekg.cli.Main.commandLine();
            cl.setOut(new java.io.PrintWriter(out));
            assertEquals(0, cl.execute("passwd", "carol", "--file", file.toString()), out.toString());
            assertTrue(out.toString().startsWith("added carol in "), out.toString());
        } finally {
            System.setIn(stdin);
        }
        assertTrue(PasswordFile.read(file).verify("carol", "typed secret".toCharArray()));
    }

    @Test
    void basicAuthenticationHeaderIsChecked() {
        Path file = dir.resolve("passwords");
        PasswordFile.setPassword(file, "alice", "pa:ss wörd".toCharArray());
        BasicAuthFilter filter = new BasicAuthFilter(PasswordFile.read(file));
        assertEquals("alice", filter.authenticate(GuardFixture.basic("alice", "pa:ss wörd")));
        assertEquals("alice", filter.authenticate(GuardFixture.basic("alice", "pa:ss wörd").replace("Basic", "basic")));
        assertNull(filter.authenticate(GuardFixture.basic("alice", "pa:ss")));
        assertNull(filter.authenticate("Bearer abc"));
        assertNull(filter.authenticate("Basic !!!"));
        assertNull(filter.authenticate(null));
    }
}
