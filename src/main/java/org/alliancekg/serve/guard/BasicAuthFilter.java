package org.alliancekg.serve.guard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.alliancekg.serve.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP Basic authentication against a {@link PasswordFile}: a request without valid credentials answers 401 with
 * {@code WWW-Authenticate: Basic realm="alliance-kg"} and never reaches the servlet. {@code OPTIONS} passes
 * (it reads and writes nothing). The authenticated user is the request's {@code getRemoteUser()}.
 *
 * <p>Basic authentication sends the password with every request: put the server behind HTTPS (a reverse proxy)
 * when it is reachable from other machines.
 */
public final class BasicAuthFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = LoggerFactory.getLogger("akg.guard");

    /** The realm named in the challenge. */
    public static final String REALM = "alliance-kg";

    private final PasswordFile users;

    /** A filter letting in the users of {@code users}. */
    public BasicAuthFilter(PasswordFile users) {
        this.users = users;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        if (req.getMethod().equals("OPTIONS")) {
            chain.doFilter(req, resp);
            return;
        }
        String user = authenticate(req.getHeader("Authorization"));
        if (user == null) {
            boolean sent = req.getHeader("Authorization") != null;
            if (sent) {
                LOG.warn("refused credentials for {} {} from {}", req.getMethod(), req.getRequestURI(),
                        req.getRemoteAddr());
            }
            resp.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            ProblemWriter.text(resp, HttpServletResponse.SC_UNAUTHORIZED, sent
                    ? "Unauthorized: wrong user name or password.\n"
                    : "Unauthorized: " + req.getRequestURI() + " needs a user name and password (HTTP Basic).\n");
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(req) {
            @Override
            public String getRemoteUser() {
                return user;
            }

            @Override
            public String getAuthType() {
                return HttpServletRequest.BASIC_AUTH;
            }
        }, resp);
    }

    /** The user of a valid {@code Authorization: Basic ...} header, or null. */
    String authenticate(String header) {
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(header.substring(6).strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
        String pair = new String(decoded, StandardCharsets.UTF_8);
        Arrays.fill(decoded, (byte) 0);
        int colon = pair.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String user = pair.substring(0, colon);
        char[] password = pair.substring(colon + 1).toCharArray();
        try {
            return users.verify(user, password) ? user : null;
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
