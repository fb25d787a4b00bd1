package io.accessplane.audit.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 8785 canonical JSON: the RFC's samples, the reference implementation's vectors, and properties. */
class JsonCanonicalizerTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** RFC 8785 section 3.2.2 input and its section 3.2.3 canonical output. */
    @Test
    void rfcSection322Sample() {
        String input = "{\n"
                + "  \"numbers\": [333333333.33333329, 1E30, 4.50,\n"
                + "              2e-3, 0.000000000000000000000000001],\n"
                + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                + "  \"literals\": [null, true, false]\n"
                + "}";
        String expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        assertEquals(expected, new String(JsonCanonicalizer.canonicalize(input), StandardCharsets.UTF_8));
    }

    /** RFC 8785 section 3.2.4: the sample's UTF-8 bytes, begin to end. */
    @Test
    void rfcSection324Bytes() {
        String input = "{\"numbers\":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"
                + "\"string\":\"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\"literals\":[null,true,false]}";
        String expectedHex = ""
                + "7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72"
                + "75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a"
                + "5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31"
                + "65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37"
                + "5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30"
                + "30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d";
        byte[] expected = HexFormat.of().parseHex(expectedHex.replace(" ", ""));
        assertEquals(new String(expected, StandardCharsets.UTF_8),
                new String(JsonCanonicalizer.canonicalize(input), StandardCharsets.UTF_8));
        assertArrayEquals(expected, JsonCanonicalizer.canonicalize(input));
    }

    /** RFC 8785 section 3.2.3's sorting sample: UTF-16 code-unit order, not code-point or locale order. */
    @Test
    void rfcSortingSampleUsesUtf16CodeUnits() {
        String input = "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With Dagesh\","
                + "\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\","
                + "\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}";
        String expected = "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}";
        assertEquals(expected, canonical(input));
    }

    @Test
    void surrogatePairsSortBeforePrivateUseCharacters() {
        assertEquals("{\"\ud834\udd1e\":2,\"\ue000\":1}", canonical("{\"\\ue000\":1,\"\\ud834\\udd1e\":2}"));
    }

    /** Vectors from the RFC author's reference implementation test data (input, output). */
    @ParameterizedTest
    @ValueSource(strings = {
        "[\n  56,\n  {\n    \"d\": true,\n    \"10\": null,\n    \"1\": [ ]\n  }\n]"
                + "=>[56,{\"1\":[],\"10\":null,\"d\":true}]",
        "{\n  \"1\": {\"f\": {\"f\": \"hi\",\"F\": 5} ,\"\\n\": 56.0},\n  \"10\": { },\n  \"\": \"empty\",\n  \"a\": { },\n"
                + "  \"111\": [ { } ],\n  \"A\": { }\n}"
                + "=>{\"\":\"empty\",\"1\":{\"\\n\":56,\"f\":{\"F\":5,\"f\":\"hi\"}},\"10\":{},\"111\":[{}],\"A\":{},\"a\":{}}",
        "{\n  \"Unnormalized Unicode\":\"\\u1e0d\\u0307\"\n}\n=>{\"Unnormalized Unicode\":\"\u1e0d\u0307\"}",
        "{\n  \"peach\": \"This sorting order\",\n  \"p\u00e9ch\u00e9\": \"is wrong according to French\",\n"
                + "  \"p\u00eache\": \"but canonicalization MUST\",\n  \"sin\":   \"ingnore locale\"\n}\n"
                + "=>{\"peach\":\"This sorting order\",\"p\u00e9ch\u00e9\":\"is wrong according to French\","
                + "\"p\u00eache\":\"but canonicalization MUST\",\"sin\":\"ingnore locale\"}",
        "{\n  \"\\u20ac\": \"Euro Sign\",\n  \"1\": \"One\",\n  \"\\u0080\": \"Control\\u007f\",\n"
                + "  \"\\ud83d\\ude02\": \"Smiley\",\n  \"\\u00f6\": \"Latin Small Letter O With Diaeresis\",\n"
                + "  \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\",\n  \"</script>\": \"Browser Challenge\"\n}\n"
                + "=>{\"1\":\"One\",\"</script>\":\"Browser Challenge\",\"\u0080\":\"Control\u007f\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\",\"\ud83d\ude02\":\"Smiley\","
                + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}",
        "{\n  \"numbers\": [1E30, 4.50, 333333333.33333329, 2e-3, 0.000000000000000000000000001],\n"
                + "  \"escaping\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                + "  \"literals\": [null, true, false]\n}"
                + "=>{\"escaping\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\",\"literals\":[null,true,false],"
                + "\"numbers\":[1e+30,4.5,333333333.3333333,0.002,1e-27]}",
    })
    void referenceImplementationVectors(String vector) {
        String[] parts = vector.split("=>", 2);
        assertEquals(parts[1], canonical(parts[0]));
    }

    @Test
    void everyControlCharacterIsEscapedTheEcmaScriptWay() {
        StringBuilder raw = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            raw.append(c);
        }
        String out = JsonCanonicalizer.canonicalString(JSON.textNode(raw.toString()));
        assertEquals("\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f"
                + "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d"
                + "\\u001e\\u001f\"", out);
    }

    @Test
    void everythingElseIsLiteral() {
        String value = "/ \u007f \u0080 \u00e9 \u2028 \u2029 \ufeff \ud83d\ude00 <>&'";
        assertEquals("\"" + value + "\"", JsonCanonicalizer.canonicalString(JSON.textNode(value)));
        assertEquals("\"\\\"\\\\\"", JsonCanonicalizer.canonicalString(JSON.textNode("\"\\")));
    }

    @Test
    void outputIsUtf8() {
        byte[] out = JsonCanonicalizer.canonicalize(JSON.textNode("\u20ac\ud83d\ude00"));
        assertArrayEquals(HexFormat.of().parseHex("22e282acf09f988022"), out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\\ud800\"", "\"\\udc00\"", "\"a\\ud800b\"", "\"\\ude00\\ud83d\"", "{\"\\ud800\":1}"})
    void loneSurrogatesAreRejected(String json) {
        assertThrows(IllegalArgumentException.class, () -> JsonCanonicalizer.canonicalize(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\":1,\"a\":2}", "{\"x\":{\"a\":1,\"b\":2,\"a\":3}}", "[{\"k\":1,\"k\":1}]", "{\"a\":1,\"\\u0061\":2}",
        "{} {}", "[1] 2", "", "   ", "{", "[1,]", "{\"a\":1,}", "NaN", "[Infinity]", "[-Infinity]", "01", "[.5]",
        "{'a':1}", "// c\n1", "\"tab\there\"", "1e400", "[-1e400]", "[1,2", "tru",
    })
    void invalidOrNonIJsonInputIsRejected(String json) {
        assertThrows(IllegalArgumentException.class, () -> JsonCanonicalizer.canonicalize(json));
    }

    @Test
    void nonFiniteNumberNodesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> JsonCanonicalizer.canonicalize(JSON.numberNode(Double.NaN)));
        assertThrows(IllegalArgumentException.class,
                () -> JsonCanonicalizer.canonicalize(JSON.arrayNode().add(Double.POSITIVE_INFINITY)));
        assertThrows(IllegalArgumentException.class,
                () -> JsonCanonicalizer.canonicalize(JSON.numberNode(BigInteger.TEN.pow(400))));
    }

    @Test
    void nodesWithoutAJsonFormAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> JsonCanonicalizer.canonicalize(JSON.binaryNode(new byte[] {1})));
        assertThrows(IllegalArgumentException.class, () -> JsonCanonicalizer.canonicalize(JSON.pojoNode(new Object())));
        assertThrows(IllegalArgumentException.class, () -> JsonCanonicalizer.canonicalize(JSON.missingNode()));
    }

    /** RFC 8785 section 3.2.2.3: integers beyond 2^53 go through binary64 like any other number. */
    @Test
    void bigIntegersAreSerialisedThroughDouble() {
        assertEquals("9007199254740992", canonicalNumber(JSON.numberNode(9007199254740993L)));
        assertEquals("9223372036854776000", canonicalNumber(JSON.numberNode(Long.MAX_VALUE)));
        assertEquals("-9223372036854776000", canonicalNumber(JSON.numberNode(Long.MIN_VALUE)));
        assertEquals("18446744073709552000", canonicalNumber(JSON.numberNode(new BigInteger("18446744073709551615"))));
        assertEquals("1e+30", canonicalNumber(JSON.numberNode(BigInteger.TEN.pow(30))));
        assertEquals("9007199254740992", canonical("9007199254740993"));
        assertEquals("[1e+21,123456789012345680000]", canonical("[1000000000000000000000,123456789012345678901]"));
    }

    @Test
    void otherNumericNodesGoThroughDouble() {
        assertEquals("0.1", canonicalNumber(JSON.numberNode(new BigDecimal("0.1000000000000000055511151231257827"))));
        assertEquals("4.5", canonicalNumber(JSON.numberNode(new BigDecimal("4.50"))));
        assertEquals("0", canonicalNumber(JSON.numberNode(-0.0)));
        assertEquals("0", canonical("-0"));
        assertEquals("0", canonical("-0.0"));
        assertEquals("42", canonicalNumber(JSON.numberNode((short) 42)));
        assertEquals("1.5", canonicalNumber(JSON.numberNode(1.5f)));
        assertEquals("0.10000000149011612", canonicalNumber(JSON.numberNode(0.1f)));
    }

    @Test
    void scalarsAndEmptyContainersAtTopLevel() {
        assertEquals("null", canonical(" null "));
        assertEquals("true", canonical("true"));
        assertEquals("\"x\"", canonical("\"x\""));
        assertEquals("{}", canonical("{ }"));
        assertEquals("[]", canonical("[ ]"));
        assertEquals("[[[]],{}]", canonical("[ [ [ ] ] , { } ]"));
    }

    @Test
    void isCanonicalAcceptsOnlyTheExactCanonicalBytes() {
        assertTrue(JsonCanonicalizer.isCanonical(bytes("{\"a\":1,\"b\":[true,null]}")));
        assertFalse(JsonCanonicalizer.isCanonical(bytes("{\"b\":[true,null],\"a\":1}")));
        assertFalse(JsonCanonicalizer.isCanonical(bytes("{\"a\": 1}")));
        assertFalse(JsonCanonicalizer.isCanonical(bytes("{\"a\":1.0}")));
        assertFalse(JsonCanonicalizer.isCanonical(bytes("{\"a\":\"\\u00e9\"}")));
        assertFalse(JsonCanonicalizer.isCanonical(bytes("{\"a\":1}\n")));
        assertFalse(JsonCanonicalizer.isCanonical(bytes("{\"a\":1,\"a\":1}")));
        assertFalse(JsonCanonicalizer.isCanonical(new byte[0]));
        assertFalse(JsonCanonicalizer.isCanonical(new byte[] {'"', (byte) 0xc3, '"'}), "malformed UTF-8");
        assertFalse(JsonCanonicalizer.isCanonical(new byte[] {'"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'}),
                "UTF-8 encoded surrogate");
        assertFalse(JsonCanonicalizer.isCanonical(bytes("\ufeff{}")), "byte order mark");
    }

    @Test
    void stringAndBytesFormsAgree() {
        JsonNode node = JsonCanonicalizer.parse("{\"z\":\"\u00e9\",\"a\":[1.50,\"\ud83d\ude00\"]}");
        assertArrayEquals(JsonCanonicalizer.canonicalString(node).getBytes(StandardCharsets.UTF_8),
                JsonCanonicalizer.canonicalize(node));
    }

    /** Property: the canonical form of a canonical form is itself, and it is recognised as canonical. */
    @Test
    void canonicalizingACanonicalFormIsIdentity() {
        Random random = new Random(1);
        RandomJson generator = new RandomJson(random);
        for (int i = 0; i < 2_000; i++) {
            JsonNode value = generator.value(4);
            byte[] once = JsonCanonicalizer.canonicalize(value);
            byte[] twice = JsonCanonicalizer.canonicalize(new String(once, StandardCharsets.UTF_8));
            assertArrayEquals(once, twice, () -> "not idempotent: " + new String(once, StandardCharsets.UTF_8));
            assertTrue(JsonCanonicalizer.isCanonical(once));
        }
    }

    /** Property: member order, whitespace, escape spelling and number spelling never change the bytes. */
    @Test
    void equivalentSpellingsGiveEqualBytes() {
        Random random = new Random(2);
        RandomJson generator = new RandomJson(random);
        for (int i = 0; i < 2_000; i++) {
            JsonNode value = generator.value(4);
            byte[] expected = JsonCanonicalizer.canonicalize(value);
            for (int variant = 0; variant < 3; variant++) {
                String spelled = generator.spell(value);
                assertArrayEquals(expected, JsonCanonicalizer.canonicalize(spelled), () -> "differs for " + spelled);
            }
        }
    }

    @Test
    void objectNodeInsertionOrderDoesNotMatter() {
        ObjectNode forward = JSON.objectNode().put("a", 1).put("b", 2).put("c", 3);
        ObjectNode backward = JSON.objectNode().put("c", 3).put("b", 2).put("a", 1);
        assertArrayEquals(JsonCanonicalizer.canonicalize(forward), JsonCanonicalizer.canonicalize(backward));
    }

    private static String canonical(String json) {
        return new String(JsonCanonicalizer.canonicalize(json), StandardCharsets.UTF_8);
    }

    private static String canonicalNumber(JsonNode node) {
        return JsonCanonicalizer.canonicalString(node);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
