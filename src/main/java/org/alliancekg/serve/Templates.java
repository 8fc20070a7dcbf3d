package org.alliancekg.serve;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;

import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The server's HTML templates: Mustache files under {@code templates/} on the class path, compiled once and cached.
 * {@code {{name}}} escapes its value for HTML (element content and quoted attributes); {@code {{{name}}}} inserts
 * markup that the caller has already made safe (rendered Markdown, another template). Scopes are records, maps or
 * lists; a record's components are read by name.
 *
 * <pre>{@code
 * record Scope(String title, List<Row> rows) { }
 * String html = Templates.render("search", new Scope("Search", rows));   // templates/search.mustache
 * }</pre>
 */
public final class Templates {

    private static final MustacheFactory FACTORY = factory("templates");

    /** Templates named by their whole class-path name ({@link #renderResource}). */
    private static final MustacheFactory RESOURCES = factory(null);

    private Templates() {
    }

    /** A factory whose {@code {{x}}} escapes with {@link #escape}: no {@code &#61;} in URLs, no {@code &#10;} in text. */
    private static MustacheFactory factory(String root) {
        return new DefaultMustacheFactory(root) {
            @Override
            public void encode(String value, java.io.Writer writer) {
                try {
                    writer.write(escape(value));
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /**
     * Escapes text for element content and double- or single-quoted attribute values: {@code & < > " '}, as
     * {@code {{x}}} does. The one HTML escaper of the project.
     *
     * @param s the text; null stands for no text
     * @return the escaped text, empty for null
     */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Renders {@code templates/{name}.mustache} with {@code scope}.
     *
     * @throws IllegalArgumentException if there is no such template
     */
    public static String render(String name, Object scope) {
        return execute(FACTORY, name + ".mustache", scope);
    }

    /**
     * Renders a Mustache file named by its class-path name ({@code explore/query.html}), for pages kept beside
     * their scripts rather than under {@code templates/}.
     *
     * @throws IllegalArgumentException if there is no such resource
     */
    public static String renderResource(String resource, Object scope) {
        return execute(RESOURCES, resource, scope);
    }

    private static String execute(MustacheFactory factory, String name, Object scope) {
        Mustache template;
        try {
            template = factory.compile(name);
        } catch (com.github.mustachejava.MustacheNotFoundException e) {
            throw new IllegalArgumentException("no template " + name, e);
        }
        StringWriter out = new StringWriter();
        try {
            template.execute(out, scope).flush();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
