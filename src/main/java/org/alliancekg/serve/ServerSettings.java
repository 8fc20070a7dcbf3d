package org.alliancekg.serve;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Settings of a running server that modules read.
 *
 * @param passwordFile   the file of users and hashed passwords for the write endpoints; empty: writes refused
 * @param queryTimeoutMs the SPARQL query timeout in milliseconds
 * @param maxResultRows  the largest number of result rows a public query may return
 * @param maxRequestBytes the largest request body accepted (larger: 413)
 * @param resultCache    whether SPARQL query answers are cached until the data changes ({@code serve --cache})
 */
public record ServerSettings(Optional<Path> passwordFile, long queryTimeoutMs, long maxResultRows,
                             long maxRequestBytes, boolean resultCache) {

    /** Defaults: no credentials, 10 s timeout, 10,000 rows, 1 MiB bodies, no result cache. */
    public static ServerSettings defaults() {
        return new ServerSettings(Optional.empty(), 10_000, 10_000, 1L << 20);
    }

    /** Settings without the result cache. */
    public ServerSettings(Optional<Path> passwordFile, long queryTimeoutMs, long maxResultRows, long maxRequestBytes) {
        this(passwordFile, queryTimeoutMs, maxResultRows, maxRequestBytes, false);
    }

    public ServerSettings {
        passwordFile = passwordFile == null ? Optional.empty() : passwordFile;
        if (queryTimeoutMs <= 0 || maxResultRows <= 0 || maxRequestBytes <= 0) {
            throw new IllegalArgumentException("server limits must be positive");
        }
    }

    /** A copy with the password file set. */
    public ServerSettings withPasswordFile(Path file) {
        return new ServerSettings(Optional.ofNullable(file), queryTimeoutMs, maxResultRows, maxRequestBytes,
                resultCache);
    }

    /** A copy with the result cache on or off. */
    public ServerSettings withResultCache(boolean on) {
        return new ServerSettings(passwordFile, queryTimeoutMs, maxResultRows, maxRequestBytes, on);
    }
}
