package io.accessplane.audit.crypto;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** RFC 8785 JSON Canonicalization Scheme (JCS): the one byte form of a JSON value that gets hashed and signed. */
public final class JsonCanonicalizer {
    /** Immutable and thread-safe: rejects duplicate member names and anything after the value. */
    private static final ObjectReader STRICT_READER = new ObjectMapper().reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final String HEX_DIGITS = "0123456789abcdef";

    private JsonCanonicalizer() {
    }

    /**
     * The canonical text of {@code node}.
     *
     * @throws IllegalArgumentException for NaN or infinite numbers, strings with lone surrogates,
     *     or node types JSON has no form for (binary, POJO, missing)
     */
    public static String canonicalString(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    /** The canonical UTF-8 bytes of {@code node}; see {@link #canonicalString(JsonNode)}. */
    public static byte[] canonicalize(JsonNode node) {
        return canonicalString(node).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Parses {@code json} strictly (duplicate member names and trailing content are errors) and
     * returns its canonical UTF-8 bytes.
     *
     * @throws IllegalArgumentException if the text is not a single valid I-JSON value
     */
    public static byte[] canonicalize(String json) {
        return canonicalize(parse(json));
    }

    /** Parses {@code json} with the same strict rules as {@link #canonicalize(String)}. */
    public static JsonNode parse(String json) {
        try {
            JsonNode node = STRICT_READER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("no JSON value in the input");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Whether {@code utf8} is well-formed UTF-8 JSON already in exactly its canonical form. */
    public static boolean isCanonical(byte[] utf8) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
            return Arrays.equals(utf8, canonicalize(text));
        } catch (CharacterCodingException | IllegalArgumentException e) {
            return false;
        }
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, out);
            case ARRAY -> writeArray(node, out);
            case STRING -> writeString(node.textValue(), out);
            case NUMBER -> out.append(EcmaScriptNumber.format(node.doubleValue()));
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("JSON has no form for a " + node.getNodeType() + " node");
        }
    }

    private static void writeObject(JsonNode node, StringBuilder out) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
        // String.compareTo orders by UTF-16 code units, which is what RFC 8785 section 3.2.3 asks for.
        members.sort(Map.Entry.comparingByKey());
        out.append('{');
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(members.get(i).getKey(), out);
            out.append(':');
            write(members.get(i).getValue(), out);
        }
        out.append('}');
    }

    private static void writeArray(JsonNode node, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(node.get(i), out);
        }
        out.append(']');
    }

    /** ECMAScript JSON.stringify string escaping, minus its lone-surrogate escapes: lone surrogates are refused. */
    private static void writeString(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX_DIGITS.charAt(c >> 4)).append(HEX_DIGITS.charAt(c & 0xf));
                    } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new IllegalArgumentException("string holds a lone surrogate at position " + i);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
