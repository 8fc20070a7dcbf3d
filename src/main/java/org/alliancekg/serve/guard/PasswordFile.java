package org.alliancekg.serve.guard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A file of users and salted password hashes for the write endpoints, one user a line:
 *
 * <pre>
 * # alliance-kg password file (alliance-kg passwd USER --file FILE)
 * alice:pbkdf2-sha256:600000:3q2+7w...:Zm9vYmFy...
 * </pre>
 *
 * <p>Each entry is {@code user:pbkdf2-sha256:iterations:salt:hash} with salt and hash in Base64: PBKDF2 with
 * HMAC-SHA-256, a random 16-byte salt per user and a 32-byte hash. No password is ever stored. Lines starting with
 * {@code #} and blank lines are ignored; a malformed line makes the whole file unusable
 * ({@link IllegalArgumentException} naming file and line), so that a typo never silently drops a user.
 *
 * <p>{@link #verify} costs one PBKDF2 computation (about a tenth of a second); a credential that verified is
 * remembered, as a SHA-256 digest, so that a client sending it on every request pays that cost once. At most as
 * many PBKDF2 computations as there are processors run at a time.
 *
 * <pre>{@code
 * PasswordFile users = PasswordFile.read(Path.of("passwords"));
 * boolean ok = users.verify("alice", "secret".toCharArray());
 * PasswordFile.setPassword(Path.of("passwords"), "bob", "other".toCharArray());
 * }</pre>
 */
public final class PasswordFile {

    /** The only hash scheme written and read. */
    public static final String SCHEME = "pbkdf2-sha256";
    /** PBKDF2 iterations for new hashes (OWASP's 2023 figure for HMAC-SHA-256). */
    public static final int ITERATIONS = 600_000;

    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Semaphore HASHING = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));
    /** Verifies against this when the user is unknown, so that the answer takes as long as for a known user. */
    private static final Entry DUMMY = new Entry(ITERATIONS, new byte[SALT_BYTES], new byte[HASH_BYTES]);

    private record Entry(int iterations, byte[] salt, byte[] hash) {
    }

    private final Map<String, Entry> users;
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();

    private PasswordFile(Map<String, Entry> users) {
        this.users = Collections.unmodifiableMap(users);
    }

    /**
     * Reads a password file.
     *
     * @throws IllegalArgumentException if a line is malformed or a user appears twice
     * @throws UncheckedIOException     if the file cannot be read
     */
    public static PasswordFile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password file " + file, e);
        }
        Map<String, Entry> users = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + ":" + (i + 1) + ": ";
            String[] f = line.split(":", -1);
            if (f.length != 5 || !USER.matcher(f[0]).matches() || !f[1].equals(SCHEME)) {
                throw new IllegalArgumentException(where + "expected user:" + SCHEME
                        + ":iterations:salt:hash (run 'alliance-kg passwd USER --file FILE' to write entries)");
            }
            Entry e;
            try {
                int iterations = Integer.parseInt(f[2]);
                byte[] salt = Base64.getDecoder().decode(f[3]);
                byte[] hash = Base64.getDecoder().decode(f[4]);
                if (iterations < 10_000 || salt.length < 8 || hash.length < 16) {
                    throw new IllegalArgumentException("too weak");
                }
                e = new Entry(iterations, salt, hash);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(where + "bad iterations, salt or hash for user " + f[0]
                        + " (at least 10000 iterations, 8 bytes of salt, 16 bytes of hash, Base64)", ex);
            }
            if (users.put(f[0], e) != null) {
                throw new IllegalArgumentException(where + "user " + f[0] + " appears twice");
            }
        }
        return new PasswordFile(users);
    }

    /** The users of the file, in file order. */
    public Set<String> users() {
        return users.keySet();
    }

    /** Whether {@code password} is the password of {@code user}. Unknown users take as long and are refused. */
    public boolean verify(String user, char[] password) {
        Entry e = users.get(user);
        byte[] digest = digest(e == null ? DUMMY.salt() : e.salt(), password);
        byte[] known = e == null ? null : verified.get(user);
        if (known != null && MessageDigest.isEqual(known, digest)) {
            return true;
        }
        Entry against = e == null ? DUMMY : e;
        byte[] hash = pbkdf2(password, against.salt(), against.iterations(), against.hash().length);
        boolean ok = MessageDigest.isEqual(hash, against.hash()) && e != null;
        if (ok) {
            verified.put(user, digest);
        }
        return ok;
    }

    /** A new entry line for {@code user} (random salt, {@link #ITERATIONS} iterations). */
    public static String entry(String user, char[] password) {
        checkUser(user);
        if (password.length == 0) {
            throw new IllegalArgumentException("the password must not be empty");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = pbkdf2(password, salt, ITERATIONS, HASH_BYTES);
        Base64.Encoder b64 = Base64.getEncoder();
        return user + ":" + SCHEME + ":" + ITERATIONS + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash);
    }

    /**
     * Sets the password of {@code user} in {@code file}, creating the file (readable by its owner only, where the
     * file system supports it) or replacing the user's line; other lines are kept. Returns whether the user was
     * new. The file is replaced atomically.
     */
    public static boolean setPassword(Path file, String user, char[] password) {
        String line = entry(user, password);
        List<String> lines = new ArrayList<>();
        boolean replaced = false;
        try {
            if (Files.exists(file)) {
                read(file); // refuse to rewrite a file that is already broken
                for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (l.startsWith(user + ":")) {
                        lines.add(line);
                        replaced = true;
                    } else {
                        lines.add(l);
                    }
                }
            } else {
                lines.add("# alliance-kg password file: user:" + SCHEME + ":iterations:salt:hash");
                lines.add("# written by 'alliance-kg passwd USER --file FILE'; used by 'alliance-kg serve --password-file FILE'");
            }
            if (!replaced) {
                lines.add(line);
            }
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".passwords", ".tmp");
            try {
                restrict(tmp);
                Files.write(tmp, lines, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the password file " + file, e);
        }
        return !replaced;
    }

    /** Whether others than the owner may read the file (POSIX file systems only; false elsewhere). */
    public static boolean readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            return p.contains(PosixFilePermission.OTHERS_READ) || p.contains(PosixFilePermission.GROUP_READ);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: leave the defaults
        }
    }

    static void checkUser(String user) {
        if (user == null || !USER.matcher(user).matches()) {
            throw new IllegalArgumentException("user names are 1-64 characters of A-Z a-z 0-9 . _ @ -: " + user);
        }
    }

    private static byte[] digest(byte[] salt, char[] password) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt);
            md.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations, int bytes) {
        HASHING.acquireUninterruptibly();
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            HASHING.release();
        }
    }

    /** The password file of the settings, if any. */
    static Optional<PasswordFile> of(Optional<Path> file) {
        return file.map(PasswordFile::read);
    }
}
