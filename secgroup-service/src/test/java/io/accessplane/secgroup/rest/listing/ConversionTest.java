package io.accessplane.secgroup.rest.listing;

import io.accessplane.secgroup.rules.IpPrefix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Python and netaddr behaviours the converters reproduce. */
class ConversionTest {

    @ParameterizedTest(name = "[{index}] IPNetwork({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
        "10.0.0.1                  | 10.0.0.1/32",
        "10.0.0.1/24               | 10.0.0.1/24",
        "0.0.0.0/0                 | 0.0.0.0/0",
        "10.0.0.0/255.255.255.0    | 10.0.0.0/24",
        "10.0.0.0/0.0.0.255        | 10.0.0.0/24",
        "10.0.0.0/255.255.255.255  | 10.0.0.0/32",
        "10.0.0.0/0.0.0.0          | 10.0.0.0/0",
        "10.0.0.1/ 8               | 10.0.0.1/8",
        "10.0.0.1/+8               | 10.0.0.1/8",
        "10.0.0.1/08               | 10.0.0.1/8",
        "::                        | ::/128",
        "::/0                      | ::/0",
        "::1                       | ::1/128",
        "2001:DB8::/32             | 2001:db8::/32",
        "2001:0db8:0000:0000:0000:0000:0000:0001 | 2001:db8::1/128",
        "1:0:0:1:0:0:0:1           | 1:0:0:1::1/128",
        "1:0:0:0:1:0:0:1           | 1::1:0:0:1/128",
        "1:0:1:0:1:0:1:0           | 1:0:1:0:1:0:1:0/128",
        "1:2:3:4:5:6:7::           | 1:2:3:4:5:6:7:0/128",
        "1::                       | 1::/128",
        "::ffff:1.2.3.4            | ::ffff:1.2.3.4/128",
        "::1.2.3.4                 | ::1.2.3.4/128",
        "::ffff:0:1.2.3.4          | ::ffff:0:102:304/128",
        "64:ff9b::1.2.3.4/96       | 64:ff9b::102:304/96",
        "fe80::/ffff:ffff:ffff:ffff:: | fe80::/64",
    })
    void normalisesPrefixesLikeNetaddr(String text, String expected) {
        assertEquals(expected, String.valueOf(IpPrefix.tryParse(text)));
    }

    @ParameterizedTest(name = "[{index}] IPNetwork({0}) fails")
    @ValueSource(strings = {"", "abc", "10/8", "10.0.0", "10.0.0.1.", "10.0.0.01", "1.2.3.4/33", "1.2.3.4/-1",
        "1.2.3.4/255.0.255.0", " 10.0.0.1", "10.0.0.1 ", "1.2.3.4/", "1.2.3.4/8/9", "::1/129", "1::2::3",
        ":1::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8::", "12345::", "::g", "fe80::1%eth0", "1:2:3:4:5:6:1.2.3.4:5",
        "::1.2.3", "::01.2.3.4", "1:", "::ffff:256.1.1.1"})
    void rejectsWhatNetaddrRejects(String text) {
        assertNull(IpPrefix.tryParse(text));
    }

    @ParameterizedTest(name = "[{index}] int({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
        "5 | 5", "' 5 ' | 5", "+5 | 5", "-5 | -5", "007 | 7", "1_000 | 1000", "-0 | 0", "'\t7\n' | 7",
        "\u0663 | 3", "\u00a012 | 12",
    })
    void parsesIntegersLikePython(String text, String expected) {
        assertEquals(new BigInteger(expected), PythonText.parseInt(text));
    }

    @ParameterizedTest(name = "[{index}] int({0}) fails")
    @ValueSource(strings = {"", " ", "+", "-", "1.0", "1e3", "0x10", "_1", "1_", "1__0", "+-1", "1 2", "½"})
    void refusesWhatPythonRefuses(String text) {
        assertNull(PythonText.parseInt(text));
    }

    @Test
    void printsListsLikePythonRepr() {
        assertEquals("[]", PythonText.reprList(List.of()));
        assertEquals("['a', 'b']", PythonText.reprList(List.of("a", "b")));
        assertEquals("[\"it's\"]", PythonText.reprList(List.of("it's")));
        assertEquals("['say \"hi\"']", PythonText.reprList(List.of("say \"hi\"")));
        assertEquals("['\\x00\\t\\x7f é \\u200b']", PythonText.reprList(List.of("\u0000\t\u007f é \u200b")));
    }

    @ParameterizedTest(name = "[{index}] convert_to_boolean({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
        "1 | true", "t | true", "true | true", "True | true", "on | true", "y | true", "YES | true", "' yes ' | true",
        "0 | false", "f | false", "false | false", "FALSE | false", "off | false", "n | false", "No | false",
    })
    void convertsBooleansLikeOsloUtils(String text, boolean expected) {
        assertEquals(expected, FilterConversion.BOOLEAN.convert(text));
    }

    @Test
    void encodesLikeQuotePlus() {
        assertEquals("a+b%2Fc%2C%C3%A9~_.-%26%3D%2B", QueryString.quotePlus("a b/c,é~_.-&=+"));
    }

    @Test
    void parsesQueryStringsLikeWebob() {
        assertEquals(List.of(java.util.Map.entry("a", "1 2"), java.util.Map.entry("b", ""),
                java.util.Map.entry("c", ""), java.util.Map.entry("d", "é&")),
                QueryString.parse("a=1+2&b=&c&&d=%C3%A9%26"));
    }
}
