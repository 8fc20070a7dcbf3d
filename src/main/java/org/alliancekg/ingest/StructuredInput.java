package org.alliancekg.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.LoaderOptions;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/**
 * Jackson set up for untrusted YAML and JSON: size, depth and string limits, no YAML anchors or aliases, no
 * duplicate keys, unknown fields reported with line and column, every problem of a file collected.
 */
final class StructuredInput {

    /** Deepest nesting accepted (objects and arrays). */
    static final int MAX_DEPTH = 32;
    /** Anchors and aliases listed before a scan gives up on a file. */
    static final int MAX_ALIAS_REPORTS = 10;
    /** Longest string accepted, in characters. */
    static final int MAX_STRING = 1_000_000;
    /** Longest document accepted, in characters. */
    static final int MAX_DOCUMENT = (int) TextFiles.MAX_FILE_BYTES;

    static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxStringLength(MAX_STRING)
            .maxDocumentLength(MAX_DOCUMENT)
            .maxNumberLength(64)
            .maxNameLength(1000)
            .build();

    private static final ObjectMapper YAML = configure(new ObjectMapper(yamlFactory()));
    private static final ObjectMapper JSON = configure(new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(CONSTRAINTS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build()));

    private StructuredInput() {
    }

    private static YAMLFactory yamlFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_DOCUMENT);
        options.setMaxAliasesForCollections(0);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        return YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(CONSTRAINTS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    private static ObjectMapper configure(ObjectMapper m) {
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        m.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        m.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        return m;
    }

    /** YAML for {@code .yaml}/{@code .yml}, JSON for {@code .json}; null for anything else. */
    static ObjectMapper forFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return YAML;
        }
        if (name.endsWith(".json")) {
            return JSON;
        }
        return null;
    }

    /** The YAML mapper. */
    static ObjectMapper yaml() {
        return YAML;
    }

    /**
     * A first pass over the whole document: syntax, nesting depth, YAML anchors and aliases. Throws
     * {@link InputException} with every problem found (syntax errors stop the pass).
     *
     * @param lineOffset added to parser lines (front matter starts on line 2 of its file)
     */
    static void scan(ObjectMapper mapper, String text, String file, int lineOffset) {
        Problems problems = new Problems();
        JsonLocation last = null;
        try (JsonParser p = mapper.createParser(text)) {
            int depth = 0;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                last = p.currentTokenLocation();
                if (p instanceof YAMLParser yp) {
                    String what = yp.isCurrentAlias() ? "YAML aliases (*" + p.getText() + ")"
                            : t.isStructStart() && yp.getObjectId() != null ? "YAML anchors (&" + yp.getObjectId() + ")"
                            : null;
                    if (what != null && problems.size() >= MAX_ALIAS_REPORTS) {
                        problems.add(at(file, p.currentTokenLocation(), lineOffset, null,
                                "more YAML anchors or aliases follow (not listed)"));
                        break;
                    }
                    if (what != null) {
                        problems.add(at(file, p.currentTokenLocation(), lineOffset, null, what + " are not allowed"));
                    }
                }
                if (t.isStructStart() && ++depth > MAX_DEPTH) {
                    problems.add(at(file, p.currentTokenLocation(), lineOffset, null,
                            "nested deeper than " + MAX_DEPTH + " levels"));
                    break;
                } else if (t.isStructEnd()) {
                    depth--;
                }
            }
        } catch (JsonProcessingException e) {
            problems.add(syntax(file, e, lineOffset, last, formatName(mapper)));
        } catch (IOException | RuntimeException e) {
            problems.add(at(file, last, lineOffset, null, "cannot parse: " + e.getMessage()));
        }
        problems.throwIfAny();
    }

    private static String formatName(ObjectMapper mapper) {
        return mapper.getFactory() instanceof YAMLFactory ? "YAML" : "JSON";
    }

    /** A parser that remembers where the last field name stood (for unknown-field messages). */
    private static final class FieldTracker extends com.fasterxml.jackson.core.util.JsonParserDelegate {
        private final JsonStreamContext element;
        private final java.util.Map<String, Integer> fieldLines;
        private final int lineOffset;
        private JsonLocation lastField;

        FieldTracker(JsonParser p, java.util.Map<String, Integer> fieldLines, int lineOffset) {
            super(p);
            this.element = p.getParsingContext();
            this.fieldLines = fieldLines;
            this.lineOffset = lineOffset;
        }

        JsonLocation lastFieldLocation() {
            return lastField;
        }

        private void note() throws IOException {
            if (delegate.currentToken() == JsonToken.FIELD_NAME) {
                lastField = delegate.currentTokenLocation();
                if (fieldLines != null && delegate.getParsingContext() == element && lastField.getLineNr() > 0) {
                    fieldLines.putIfAbsent(delegate.currentName(), lastField.getLineNr() + lineOffset);
                }
            }
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken t = delegate.nextToken();
            note();
            return t;
        }

        @Override
        public String nextFieldName() throws IOException {
            String n = delegate.nextFieldName();
            note();
            return n;
        }

        @Override
        public boolean nextFieldName(com.fasterxml.jackson.core.SerializableString str) throws IOException {
            boolean b = delegate.nextFieldName(str);
            note();
            return b;
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken t = delegate.nextToken();
            note();
            if (t == JsonToken.FIELD_NAME) {
                t = delegate.nextToken();
            }
            return t;
        }
    }

    /** Called for each element of a document's list, with the parser at the element's first token. */
    interface ElementHandler {
        void element(JsonParser p, Source element) throws IOException;
    }

    /**
     * Reads a document that is a mapping with one list field (e.g. {@code claims}) and some scalar fields (e.g.
     * {@code article}): calls the handler for each list element and returns the scalar values found. Unknown
     * top-level fields, a missing list and syntax errors go into {@code problems}.
     */
    static java.util.Map<String, String> readListDocument(ObjectMapper mapper, String text, String file,
                                                          String listField, java.util.Set<String> scalarFields,
                                                          ElementHandler handler, Problems problems) {
        java.util.Map<String, String> scalars = new java.util.LinkedHashMap<>();
        String expected = "a mapping with " + listField + ": [...]"
                + (scalarFields.isEmpty() ? "" : " and " + String.join(", ", scalarFields));
        boolean sawList = false;
        try (JsonParser p = mapper.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                problems.add(new Problem(file, 0, null, "empty file: expected " + expected));
                return scalars;
            }
            if (t != JsonToken.START_OBJECT) {
                problems.add(at(file, p.currentTokenLocation(), 0, null, "expected " + expected));
                return scalars;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonLocation keyLoc = p.currentTokenLocation();
                JsonToken v = p.nextToken();
                if (name.equals(listField)) {
                    sawList = true;
                    if (v == JsonToken.VALUE_NULL) {
                        continue;
                    }
                    if (v != JsonToken.START_ARRAY) {
                        problems.add(at(file, keyLoc, 0, listField, "must be a list"));
                        p.skipChildren();
                        continue;
                    }
                    int i = 0;
                    JsonToken e;
                    while ((e = p.nextToken()) != JsonToken.END_ARRAY && e != null) {
                        JsonLocation loc = p.currentTokenLocation();
                        handler.element(p, new Source(file, Math.max(loc.getLineNr(), 0), listField + "[" + i + "]"));
                        i++;
                    }
                } else if (scalarFields.contains(name)) {
                    if (v.isScalarValue()) {
                        scalars.put(name, v == JsonToken.VALUE_NULL ? null : p.getText());
                    } else {
                        problems.add(at(file, keyLoc, 0, name, "must be a single value"));
                        p.skipChildren();
                    }
                } else {
                    problems.add(at(file, keyLoc, 0, name, "unknown field; known fields: "
                            + String.join(", ", new java.util.TreeSet<>(union(scalarFields, listField)))));
                    p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            problems.add(syntax(file, e, 0));
        } catch (IOException e) {
            problems.add(new Problem(file, 0, null, "cannot parse: " + e.getMessage()));
        }
        if (!sawList && problems.isEmpty()) {
            problems.add(new Problem(file, 0, listField, "required: expected " + expected));
        }
        return scalars;
    }

    private static java.util.Set<String> union(java.util.Set<String> a, String b) {
        java.util.Set<String> s = new java.util.HashSet<>(a);
        s.add(b);
        return s;
    }

    /** A problem for a Jackson exception, with its line and column and without Jackson's source excerpt. */
    static Problem syntax(String file, JsonProcessingException e, int lineOffset) {
        Object src = e.getProcessor();
        return syntax(file, e, lineOffset, null, src instanceof YAMLParser ? "YAML" : "JSON");
    }

    /**
     * As {@link #syntax(String, JsonProcessingException, int)}, using {@code fallback} when the exception has no
     * location (limits such as the nesting depth are reported without one).
     */
    static Problem syntax(String file, JsonProcessingException e, int lineOffset, JsonLocation fallback,
                          String format) {
        String msg = e.getOriginalMessage();
        if (msg != null) {
            msg = msg.replaceAll("\\s+", " ").strip();
        }
        String field = e instanceof JsonMappingException jme ? path(jme) : null;
        JsonLocation loc = e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation() : fallback;
        return at(file, loc, lineOffset, field,
                (e instanceof JsonMappingException ? "" : "malformed " + format + ": ") + msg);
    }

    static Problem at(String file, JsonLocation loc, int lineOffset, String field, String rule) {
        if (loc == null || loc.getLineNr() < 1) {
            return new Problem(file, 0, field, rule);
        }
        return new Problem(file, loc.getLineNr() + lineOffset, Math.max(loc.getColumnNr(), 0), field, rule);
    }

    /** {@code prefix.field}, or just the field when the prefix is empty. */
    static String join(String prefix, String field) {
        return prefix == null || prefix.isEmpty() ? field : prefix + "." + field;
    }

    /** A field path {@code claims[3].quote} from a mapping exception. */
    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    /**
     * Binds the value at the parser's current token to {@code type}, reporting unknown fields and type errors
     * into {@code problems} under the element's path; on a type error skips to the end of the element. Returns
     * null when the element could not be bound.
     */
    static <T> T bindElement(ObjectMapper mapper, JsonParser p, Class<T> type, Source element, int lineOffset,
                             Problems problems) throws IOException {
        return bindElement(mapper, p, type, element, lineOffset, problems, null);
    }

    /** As above, also recording the line of each top-level field of the element into {@code fieldLines}. */
    static <T> T bindElement(ObjectMapper mapper, JsonParser p, Class<T> type, Source element, int lineOffset,
                             Problems problems, java.util.Map<String, Integer> fieldLines) throws IOException {
        JsonStreamContext container = p.currentToken() != null && p.currentToken().isStructStart()
                ? p.getParsingContext().getParent() : p.getParsingContext();
        int before = problems.size();
        FieldTracker tracked = new FieldTracker(p, fieldLines, lineOffset);
        DeserializationProblemHandler unknown = new DeserializationProblemHandler() {
            @Override
            public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser jp,
                                                 JsonDeserializer<?> deserializer, Object beanOrClass,
                                                 String propertyName) throws IOException {
                Collection<Object> known = deserializer.getKnownPropertyNames();
                String knownText = known == null ? "" : "; known fields: "
                        + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
                problems.add(at(element.file(), tracked.lastFieldLocation(), lineOffset,
                        join(element.path(), propertyName), "unknown field" + knownText));
                jp.skipChildren();
                return true;
            }
        };
        try {
            T value = mapper.readerFor(type).withHandler(unknown).readValue(tracked);
            return problems.size() == before ? value : null;
        } catch (JsonMappingException e) {
            String inner = path(e);
            problems.add(at(element.file(), e.getLocation(), lineOffset,
                    inner == null ? element.path() : join(element.path(), inner),
                    e.getOriginalMessage().replaceAll("\\s+", " ").strip()));
            while (p.getParsingContext() != container && p.nextToken() != null) {
                // skip the rest of the broken element
            }
            return null;
        }
    }
}
