package io.accessplane.audit.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random JSON values for property tests, and random but equivalent ways to spell them as text. */
final class RandomJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String[] WHITESPACE = {"", "", " ", "\n", "\t", "\r\n  ", "  "};

    private final Random random;

    RandomJson(Random random) {
        this.random = random;
    }

    /** A random value nested at most {@code depth} levels. */
    JsonNode value(int depth) {
        int kind = random.nextInt(depth > 0 ? 8 : 6);
        return switch (kind) {
            case 0 -> JSON.nullNode();
            case 1 -> JSON.booleanNode(random.nextBoolean());
            case 2 -> JSON.textNode(string());
            case 3, 4 -> number();
            case 5 -> JSON.textNode(string());
            case 6 -> object(depth - 1);
            default -> array(depth - 1);
        };
    }

    /** A random string mixing ASCII, escapes, control characters, non-ASCII and surrogate pairs. */
    String string() {
        int length = random.nextInt(12);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(8)) {
                case 0 -> out.append((char) random.nextInt(0x20));
                case 1 -> out.append("\"\\/".charAt(random.nextInt(3)));
                case 2 -> out.append((char) (0x80 + random.nextInt(0xd800 - 0x80)));
                case 3 -> out.append((char) (0xe000 + random.nextInt(0x10000 - 0xe000)));
                case 4 -> out.appendCodePoint(0x10000 + random.nextInt(0x110000 - 0x10000));
                case 5 -> out.append("\u2028\u2029\u007f\ufeff".charAt(random.nextInt(4)));
                default -> out.append((char) (0x20 + random.nextInt(0x5f)));
            }
        }
        return out.toString();
    }

    /** A random number node of any Jackson numeric kind, always finite. */
    JsonNode number() {
        return switch (random.nextInt(7)) {
            case 0 -> JSON.numberNode(random.nextInt());
            case 1 -> JSON.numberNode(random.nextLong());
            case 2 -> JSON.numberNode(new BigInteger(100, random).negate());
            case 3 -> JSON.numberNode(random.nextInt(100_000) / Math.pow(10, random.nextInt(10)));
            case 4 -> JSON.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(60) - 30));
            default -> {
                double value;
                do {
                    value = Double.longBitsToDouble(random.nextLong());
                } while (!Double.isFinite(value));
                yield JSON.numberNode(value);
            }
        };
    }

    private ObjectNode object(int depth) {
        ObjectNode object = JSON.objectNode();
        int size = random.nextInt(6);
        for (int i = 0; i < size; i++) {
            object.set(random.nextInt(3) == 0 ? string() : "k" + random.nextInt(50), value(depth));
        }
        return object;
    }

    private ArrayNode array(int depth) {
        ArrayNode array = JSON.arrayNode();
        int size = random.nextInt(6);
        for (int i = 0; i < size; i++) {
            array.add(value(depth));
        }
        return array;
    }

    /** JSON text for {@code node} with shuffled members, random whitespace, escapes and number spellings. */
    String spell(JsonNode node) {
        StringBuilder out = new StringBuilder();
        spell(node, out);
        return ws() + out + ws();
    }

    private void spell(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
                Collections.shuffle(members, random);
                out.append('{').append(ws());
                for (int i = 0; i < members.size(); i++) {
                    if (i > 0) {
                        out.append(ws()).append(',').append(ws());
                    }
                    spellString(members.get(i).getKey(), out);
                    out.append(ws()).append(':').append(ws());
                    spell(members.get(i).getValue(), out);
                }
                out.append(ws()).append('}');
            }
            case ARRAY -> {
                out.append('[').append(ws());
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(ws()).append(',').append(ws());
                    }
                    spell(node.get(i), out);
                }
                out.append(ws()).append(']');
            }
            case STRING -> spellString(node.textValue(), out);
            case NUMBER -> out.append(spellNumber(node));
            default -> out.append(node.toString());
        }
    }

    private String spellNumber(JsonNode node) {
        if (node.isIntegralNumber()) {
            BigInteger value = node.bigIntegerValue();
            return switch (random.nextInt(3)) {
                case 0 -> value.toString();
                case 1 -> value + ".0";
                default -> Double.toString(value.doubleValue());
            };
        }
        double value = node.doubleValue();
        return switch (random.nextInt(4)) {
            case 0 -> Double.toString(value);
            case 1 -> new BigDecimal(value).toString();
            case 2 -> new BigDecimal(Double.toString(value)).toPlainString();
            default -> EcmaScriptNumber.format(value);
        };
    }

    private void spellString(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean mustEscape = c < 0x20 || c == '"' || c == '\\';
            if (mustEscape || random.nextInt(4) == 0) {
                out.append(escape(c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private String escape(char c) {
        String shortForm = switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '/' -> "\\/";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> null;
        };
        String unicode = String.format(random.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) c);
        return shortForm != null && random.nextBoolean() ? shortForm : unicode;
    }

    private String ws() {
        return WHITESPACE[random.nextInt(WHITESPACE.length)];
    }
}
