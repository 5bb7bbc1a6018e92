package nutriplan.api.plans;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import nutriplan.api.catalogs.Catalogs;
import nutriplan.api.errors.NotFoundException;
import nutriplan.api.errors.TooLargeException;
import nutriplan.api.json.JsonBody;
import nutriplan.catalog.Catalog;
import nutriplan.catalog.CatalogFiles;
import nutriplan.catalog.json.Findings;
import nutriplan.catalog.json.InvalidInputException;
import nutriplan.catalog.json.JsonEnum;
import nutriplan.catalog.json.JsonFields;
import nutriplan.catalog.nutrient.InvalidQuantityException;
import nutriplan.catalog.nutrient.Nutrient;
import nutriplan.catalog.nutrient.Quantities;
import nutriplan.catalog.product.Kind;
import nutriplan.catalog.product.Phase;
import nutriplan.catalog.product.ProductJson;
import nutriplan.needs.Needs;
import nutriplan.needs.Range;
import nutriplan.needs.SessionNeeds;
import nutriplan.needs.WorkoutJson;
import nutriplan.planner.request.Concentration;
import nutriplan.planner.request.Limits;
import nutriplan.planner.request.Objective;
import nutriplan.planner.request.PlanRequest;
import nutriplan.planner.request.Selection;
import nutriplan.planner.request.SolverChoice;
import nutriplan.planner.request.Target;
import nutriplan.planner.request.UnknownUnderMax;
import nutriplan.planner.schedule.ScheduleLimits;

/**
 * Reads a plan request (API.md, {@code POST /api/v1/plans} and {@code plan FILE}) into a {@link PlanRequest}
 * of canonical numbers. Units are parsed here, once; nothing after this re-parses.
 *
 * <p>Every fault is collected with its field path ({@code targets.sodium.min}, {@code limits.maxProducts},
 * {@code products[3].nutrients.fluid}, {@code include.tags[0]}) and reported together in one
 * {@link InvalidInputException} (400), so a caller fixes a request in one round trip. Two faults are not
 * 400s and end reading early or late: an inline catalog over the limit is a {@link TooLargeException}
 * (413) at once, before its products are read; an unknown catalog name is a {@link NotFoundException}
 * (404), raised only when the request has no 400 faults.
 */
public final class PlanRequestJson {

    public static final int DEFAULT_MAX_INLINE_PRODUCTS = 5000;
    public static final String DEFAULT_CATALOG = "default";
    /** More sugar than this does not dissolve in a litre of water (sucrose: about 2,000 g/L at 20 °C). */
    static final int MAX_CONCENTRATION_G_PER_L = 2000;
    /** Limits above this are no limits in practice (a day's food is tens of servings); it keeps numbers sane. */
    public static final int MAX_LIMIT = 100_000;

    private static final int MAX_DESCRIPTION_LENGTH = 2000;
    private static final int MAX_CATALOG_NAME_LENGTH = 150; // a name (80), "@" and a tag (64)
    private static final Set<String> FIELDS = Set.of("description", "targets", "catalog", "products", "include",
            "exclude", "require", "limits", "objective", "solver", "timeLimitMs", "alternatives",
            "unknownUnderMax", "workout", "durationMin", "schedule", "phase", "concentration");
    private static final Set<String> TARGET_FIELDS = Set.of("min", "max");
    private static final Set<String> SELECTION_FIELDS = Set.of("products", "tags", "kinds");
    private static final Set<String> CONCENTRATION_FIELDS = Set.of("max");
    /** The JSON name of a plan for no phase in particular. */
    public static final String ANY_PHASE = "any";
    private static final Set<String> SCHEDULE_FIELDS = Set.of("intervalMin", "carbohydratePerHour", "fluidPerHour",
            "carbohydrateMinPerHour");
    private static final Set<String> LIMIT_FIELDS = Set.of("maxServingsPerProduct", "maxProducts", "maxServings");

    private final Findings findings = Findings.create();
    private final Catalogs catalogs;
    private final int maxInlineProducts;
    /** The catalog's name when it is not stored; reported as 404 once the request has no 400 faults. */
    private String unknownCatalog;
    /** False when the catalog is unknown or the inline one lost products to errors: ids cannot be checked. */
    private boolean idsCheckable;

    private PlanRequestJson(Catalogs catalogs, int maxInlineProducts) {
        this.catalogs = catalogs;
        this.maxInlineProducts = maxInlineProducts;
    }

    /** Reads a plan request with the default cap on inline catalogs ({@value #DEFAULT_MAX_INLINE_PRODUCTS}). */
    public static PlanRequest read(byte[] body, Catalogs catalogs) {
        return read(body, catalogs, DEFAULT_MAX_INLINE_PRODUCTS);
    }

    /**
     * Reads a plan request.
     *
     * @param body              the request, UTF-8 JSON
     * @param catalogs          the stored catalogs a request may name
     * @param maxInlineProducts the most products an inline catalog may hold
     * @throws InvalidInputException listing every fault with its field path (400)
     * @throws TooLargeException     when the inline catalog holds more than {@code maxInlineProducts} (413)
     * @throws NotFoundException     when the named catalog is not stored (404)
     */
    public static PlanRequest read(byte[] body, Catalogs catalogs, int maxInlineProducts) {
        return readScheduled(body, catalogs, maxInlineProducts).plan();
    }

    /**
     * A plan request and, when it asks for one, the limits of its intake schedule (null otherwise).
     *
     * @param needs what the request's workout needs, its targets' origin; null for a request with targets
     */
    public record Scheduled(PlanRequest plan, ScheduleLimits schedule, Needs needs, boolean assumedCarb, boolean assumedFluid) {
    }

    /** Reads a plan request with its schedule; faults as {@link #read(byte[], Catalogs, int)}. */
    public static Scheduled readScheduled(byte[] body, Catalogs catalogs, int maxInlineProducts) {
        return readScheduled(JsonBody.parse(body), catalogs, maxInlineProducts);
    }

    /** Reads a plan request already parsed, such as one of a batch; faults as {@link #read(byte[], Catalogs, int)}. */
    public static Scheduled readScheduled(JsonNode request, Catalogs catalogs, int maxInlineProducts) {
        return new PlanRequestJson(catalogs, maxInlineProducts).read(request);
    }

    private Scheduled read(JsonNode root) {
        var fields = JsonFields.of(root, "", findings, FIELDS);
        if (fields == null) {
            throw invalid();
        }
        fields.text("description", false, MAX_DESCRIPTION_LENGTH); // for people reading the file; not used
        var needs = needs(fields);
        int faultsBeforePhase = findings.errorCount();
        var phase = phase(fields);
        // A phase at fault is reported once, not again as a phase the workout cannot plan.
        boolean phaseRead = findings.errorCount() == faultsBeforePhase;
        var targets = !hasWorkout(fields) ? targets(fields.node("targets"))
                : needs == null || !phaseRead ? List.<Target>of() : targets(needs, phase);
        var catalog = catalog(fields);
        var selection = selection(fields, catalog).withPhase(phase);
        var required = strings(fields.node("require"), "require", (path, id) -> isKnownId(path, id, catalog));
        var limits = limits(fields.node("limits"));
        var objective = fields.choice("objective", false, Objective.class);
        var solver = fields.choice("solver", false, SolverChoice.class);
        var timeLimitMs = fields.integer("timeLimitMs", 1, (int) PlanRequest.MAX_TIME_LIMIT_MS);
        var alternatives = fields.integer("alternatives", 0, PlanRequest.MAX_ALTERNATIVES);
        var unknownUnderMax = fields.choice("unknownUnderMax", false, UnknownUnderMax.class);
        var schedule = schedule(fields, needs);
        var concentration = concentration(fields, needs, phase);
        if (schedule != null && (phase == Phase.BEFORE || phase == Phase.AFTER)) {
            findings.error("phase", "a schedule spreads intake over the session, so its plan is for \"during\" (or"
                    + " \"any\"); leave out \"schedule\" to plan for " + phase.jsonName());
        }
        if (findings.hasErrors()) {
            throw invalid();
        }
        if (unknownCatalog != null && unknownCatalog.contains("@")) {
            throw new NotFoundException("catalog", "no kept version or tag \"" + unknownCatalog + "\"; name a catalog"
                    + " and one of its versions (\"default@12\") or tags (\"default@race-2026\"), as its versions list them");
        }
        if (unknownCatalog != null) {
            throw new NotFoundException("catalog", "no catalog named \"" + unknownCatalog + "\"; send the products inline"
                    + " in \"products\", or name a stored catalog such as \"" + DEFAULT_CATALOG + "\"");
        }
        return new Scheduled(new PlanRequest(targets, catalog, selection, required, limits,
                objective == null ? Objective.SERVINGS : objective,
                solver == null ? SolverChoice.AUTO : solver,
                timeLimitMs == null ? PlanRequest.DEFAULT_TIME_LIMIT_MS : timeLimitMs,
                alternatives == null ? 0 : alternatives,
                unknownUnderMax == null ? UnknownUnderMax.EXCLUDE : unknownUnderMax, concentration), schedule, needs,
                needs == null && (!fields.has("schedule") || fields.node("schedule").get("carbohydratePerHour") == null),
                needs == null && (!fields.has("schedule") || fields.node("schedule").get("fluidPerHour") == null));
    }

    /**
     * The needs of the request's {@code workout} (API.md, "Needs from a workout"), whose plannable ranges become the
     * targets; null when there is no workout or it has a fault (reported under {@code workout.}).
     */
    private Needs needs(JsonFields fields) {
        if (!hasWorkout(fields)) {
            return null;
        }
        if (fields.has("targets")) {
            findings.error("targets", "a request with a \"workout\" takes its targets from it; send the targets or the"
                    + " workout, not both");
        }
        if (fields.has("durationMin")) {
            findings.error("durationMin", "a request with a \"workout\" takes the session's length from"
                    + " workout.durationMin; leave out \"durationMin\"");
        }
        var workout = WorkoutJson.read(fields.node("workout"), "workout.", findings);
        return workout == null ? null : SessionNeeds.of(workout);
    }

    private static boolean hasWorkout(JsonFields fields) {
        var node = fields.node("workout");
        return node != null && !node.isNull();
    }

    /**
     * The phase the plan is for: {@code phase} as sent ("any": none), else during the session for a request with a
     * workout and none otherwise.
     */
    private Phase phase(JsonFields fields) {
        var text = fields.text("phase", false, 20);
        if (text == null) {
            return fields.has("phase") || !hasWorkout(fields) ? null : Phase.DURING;
        }
        if (text.equals(ANY_PHASE)) {
            return null;
        }
        var phase = JsonEnum.fromJsonName(Phase.class, text);
        if (phase == null) {
            findings.error("phase", "unknown value " + quoted(text) + "; expected one of "
                    + JsonEnum.knownNames(Phase.class) + " or " + ANY_PHASE);
        }
        return phase;
    }

    /**
     * The workout's plannable ranges as targets (they are in canonical units, and never inverted): the session's for a
     * plan during it, the recovery ranges for a plan after it. Before a session no rule gives targets: that is a 400.
     */
    private List<Target> targets(Needs needs, Phase phase) {
        if (phase == Phase.AFTER) {
            if (needs.recovery().isEmpty()) {
                findings.error("workout.recovery", "is required for a plan after the session (\"phase\": \"after\"): the"
                        + " hours until the next demanding session, such as 24, which give the recovery targets");
            }
            return needs.plannableRecovery().stream().map(PlanRequestJson::target).toList();
        }
        if (phase != Phase.DURING) {
            findings.error("phase", "a workout gives targets for during the session and, with \"recovery\", after it;"
                    + " for a plan " + (phase == null ? "for no phase in particular" : "before the session")
                    + ", send \"targets\" instead of the workout");
            return List.of();
        }
        return needs.plannable().stream().map(PlanRequestJson::target).toList();
    }

    private static Target target(Range range) {
        return new Target(Nutrient.fromJsonName(range.nutrient()), range.min(), range.max());
    }

    /**
     * The most carbohydrate per litre of fluid the plan may hold: {@code concentration.max} as sent, else the
     * workout's rule (guidelines R-CONCENTRATION) for a plan during the session; null for none.
     */
    private Concentration concentration(JsonFields fields, Needs needs, Phase phase) {
        var node = fields.node("concentration");
        if (node == null || node.isNull()) {
            return needs == null || phase != Phase.DURING ? null
                    : new Concentration(needs.safety().carbohydratePerLitreG());
        }
        var concentration = JsonFields.of(node, "concentration.", findings, CONCENTRATION_FIELDS);
        if (concentration == null) {
            return null;
        }
        var max = concentration.node("max");
        if (max == null || max.isNull() || !max.isTextual()) {
            findings.error("concentration.max", "is required: the most carbohydrate per litre of fluid, such as"
                    + " \"80 g/L\"" + (max == null || max.isNull() ? "" : ", got " + JsonFields.describe(max)));
            return null;
        }
        try {
            double gramsPerLitre = Quantities.perLitre(max.textValue(), Nutrient.CARBOHYDRATE,
                    "a mass of carbohydrate per litre of fluid, such as \"80 g/L\"");
            if (!(gramsPerLitre > 0) || gramsPerLitre > MAX_CONCENTRATION_G_PER_L) {
                findings.error("concentration.max", "must be above 0 and at most " + MAX_CONCENTRATION_G_PER_L
                        + " g/L (a litre of water holds no more sugar than that), got " + Quantities.format(gramsPerLitre) + " g/L");
                return null;
            }
            return new Concentration(gramsPerLitre);
        } catch (InvalidQuantityException e) {
            findings.error("concentration.max", e.getMessage());
            return null;
        }
    }

    /** The schedule's limits from {@code schedule} and {@code durationMin}, with the defaults of guidelines §12; null for none. */
    private ScheduleLimits schedule(JsonFields fields, Needs needs) {
        // A workout's session may be a fraction of a minute; its schedule has whole-minute slots, at least one.
        var durationMin = needs != null ? Integer.valueOf((int) Math.ceil(needs.durationMin()))
                : fields.integer("durationMin", 1, ScheduleLimits.MAX_DURATION_MIN);
        var node = fields.node("schedule");
        if (node == null || node.isNull()) {
            return null;
        }
        var schedule = JsonFields.of(node, "schedule.", findings, SCHEDULE_FIELDS);
        if (schedule == null) {
            return null;
        }
        var interval = schedule.integer("intervalMin", ScheduleLimits.MIN_INTERVAL, ScheduleLimits.MAX_INTERVAL);
        var carbPerHour = schedule.amount("carbohydratePerHour", Nutrient.CARBOHYDRATE);
        var fluidPerHour = schedule.amount("fluidPerHour", Nutrient.FLUID);
        var carbMinPerHour = schedule.amount("carbohydrateMinPerHour", Nutrient.CARBOHYDRATE);
        if (!fields.has("durationMin") && !fields.has("workout")) {
            findings.error("durationMin", "is required with \"schedule\" (or a \"workout\"): the session's length in"
                    + " minutes, 1 to " + ScheduleLimits.MAX_DURATION_MIN);
        }
        if (durationMin == null || (schedule.has("intervalMin") && interval == null)) {
            return null;
        }
        var limits = ScheduleLimits.of(durationMin, interval == null ? ScheduleLimits.DEFAULT_INTERVAL : interval);
        if (needs != null) {
            if (!(needs.carbPerHourG() > 0)) {
                findings.error("workout.carbTolerance", "must be above 0 g/h with \"schedule\": the schedule allows at"
                        + " most the tolerance in any hour");
                return null;
            }
            // The workout's tolerance and its safe fluid per hour (never above the sweat loss) are the hourly limits.
            limits = limits.withCarbPerHourG(needs.carbPerHourG()).withFluidPerHourMl(needs.safety().fluidPerHourMl());
        }
        if (carbPerHour != null) {
            if (carbPerHour <= 0 || carbPerHour > ScheduleLimits.MAX_CARB_PER_HOUR_G) {
                findings.error("schedule.carbohydratePerHour", "must be above 0 and at most "
                        + Quantities.format(ScheduleLimits.MAX_CARB_PER_HOUR_G) + " g (per hour)");
                return null;
            }
            limits = limits.withCarbPerHourG(needs == null ? carbPerHour : Math.min(carbPerHour, limits.carbPerHourG()));
        }
        if (fluidPerHour != null) {
            if (fluidPerHour <= 0 || fluidPerHour > ScheduleLimits.MAX_FLUID_PER_HOUR_ML) {
                findings.error("schedule.fluidPerHour", "must be above 0 and at most "
                        + Quantities.format(ScheduleLimits.MAX_FLUID_PER_HOUR_ML) + " mL (per hour)");
                return null;
            }
            limits = limits.withFluidPerHourMl(Math.min(fluidPerHour, limits.fluidPerHourMl()));
        }
        if (needs != null) {
            // Every hour fed (guidelines §12): the band's minimum is the plannable carbohydrate min per hour, never
            // above the cap (a tolerance under the band's floor caps it).
            limits = limits.withCarbMinPerHourG(Math.min(limits.carbPerHourG(), carbohydrateMin(needs) * 60 / needs.durationMin()))
                    // R-CONCENTRATION per slot: what is taken at one moment holds enough fluid (a gel with a sip).
                    .withSlotCarbPerLitre(needs.safety().carbohydratePerLitreInSlotG());
        }
        if (carbMinPerHour != null) {
            if (carbMinPerHour < 0 || carbMinPerHour > limits.carbPerHourG()) {
                findings.error("schedule.carbohydrateMinPerHour", "must be 0 to the carbohydrate per hour of the schedule ("
                        + Quantities.format(limits.carbPerHourG()) + " g); 0 asks no hour for a minimum");
                return null;
            }
            limits = limits.withCarbMinPerHourG(carbMinPerHour);
        }
        return limits;
    }

    /** The workout's plannable carbohydrate min, g (0 when it plans none). */
    private static double carbohydrateMin(Needs needs) {
        return needs.plannable().stream().filter(range -> range.nutrient().equals(Nutrient.CARBOHYDRATE.jsonName()))
                .mapToDouble(Range::min).findFirst().orElse(0);
    }

    private List<Target> targets(JsonNode node) {
        if (node == null || node.isNull()) {
            findings.error("targets", "is required (or a \"workout\" to derive them from): an object of nutrient targets"
                    + " such as {\"sodium\": {\"min\": \"500 mg\"}}");
            return List.of();
        }
        if (!node.isObject() || node.isEmpty()) {
            findings.error("targets", "must be an object with at least one nutrient target such as"
                    + " {\"sodium\": {\"min\": \"500 mg\"}}, got " + JsonFields.describe(node));
            return List.of();
        }
        var targets = new ArrayList<Target>();
        for (var entry : node.properties()) {
            var nutrient = Nutrient.fromJsonName(entry.getKey());
            if (nutrient == null) {
                findings.error("targets." + entry.getKey(), "unknown nutrient \"" + entry.getKey() + "\"; known nutrients: "
                        + Nutrient.knownNames());
                continue;
            }
            var target = target(nutrient, entry.getValue());
            if (target != null) {
                targets.add(target);
            }
        }
        return targets;
    }

    /** One nutrient's {min, max}; null when it has a fault (reported). */
    private Target target(Nutrient nutrient, JsonNode node) {
        var path = "targets." + nutrient.jsonName();
        var fields = JsonFields.of(node, path + ".", findings, TARGET_FIELDS);
        if (fields == null) {
            return null;
        }
        var min = fields.amount("min", nutrient);
        var max = fields.amount("max", nutrient);
        if (!fields.has("min") && !fields.has("max")) {
            findings.error(path, "needs a min, a max or both, such as {\"min\": \"500 " + nutrient.canonicalUnit() + "\"}");
            return null;
        }
        if ((fields.has("min") && min == null) || (fields.has("max") && max == null)) {
            return null;
        }
        if (nutrient.isDerived() && min != null && min > 0) {
            findings.error(path + ".min", nutrient.jsonName() + " takes a max only: it caps carbohydrate that is not stated"
                    + " to be glucose/maltodextrin + fructose, such as {\"max\": \"180 g\"}");
            return null;
        }
        if (min != null && max != null && min > max) {
            findings.error(path, "min " + amount(min, nutrient) + " is above max " + amount(max, nutrient)
                    + "; no plan can meet this target");
            return null;
        }
        return new Target(nutrient, min == null ? 0 : min, max == null ? Double.POSITIVE_INFINITY : max);
    }

    /**
     * The stored catalog named by {@code catalog} ("default" when absent), or the inline one of {@code products}.
     * An empty {@code products} array is no inline catalog: API.md's own example sends one beside a catalog name.
     */
    private Catalog catalog(JsonFields fields) {
        var products = fields.node("products");
        boolean inline = products != null && !products.isNull() && !(products.isArray() && products.isEmpty());
        var name = fields.text("catalog", false, MAX_CATALOG_NAME_LENGTH);
        if (inline) {
            if (fields.has("catalog")) {
                findings.error("catalog", "a request with inline \"products\" uses no stored catalog;"
                        + " leave out \"catalog\", or send no products to plan from the stored catalog");
            }
            return inlineCatalog(products);
        }
        if (fields.has("catalog") && name == null) {
            return null; // not a string: reported
        }
        var catalog = catalogs.find(name == null ? DEFAULT_CATALOG : name);
        if (catalog == null) {
            unknownCatalog = name == null ? DEFAULT_CATALOG : name;
        }
        idsCheckable = catalog != null;
        return catalog;
    }

    private Catalog inlineCatalog(JsonNode products) {
        if (!products.isArray()) {
            findings.error("products", "must be an array of products (an inline catalog), got " + JsonFields.describe(products));
            return null;
        }
        if (products.size() > maxInlineProducts) {
            throw new TooLargeException("products", "the inline catalog holds " + products.size()
                    + " products; at most " + maxInlineProducts + " are accepted");
        }
        int errorsBefore = findings.errorCount();
        var catalog = new Catalog(Catalogs.INLINE_CATALOG, CatalogFiles.readProducts(products, "products", findings));
        idsCheckable = findings.errorCount() == errorsBefore;
        return catalog;
    }

    /** The product ids, tags and kinds of {@code include} or {@code exclude}. */
    private record ProductsAndTags(Set<String> products, Set<String> tags, Set<Kind> kinds) {
        static final ProductsAndTags NONE = new ProductsAndTags(Set.of(), Set.of(), Set.of());
    }

    private Selection selection(JsonFields fields, Catalog catalog) {
        var include = productsAndTags(fields.node("include"), "include", catalog);
        var exclude = productsAndTags(fields.node("exclude"), "exclude", catalog);
        return new Selection(include.products(), include.tags(), include.kinds(), exclude.products(), exclude.tags(),
                exclude.kinds(), null);
    }

    private ProductsAndTags productsAndTags(JsonNode node, String name, Catalog catalog) {
        if (node == null || node.isNull()) {
            return ProductsAndTags.NONE;
        }
        var fields = JsonFields.of(node, name + ".", findings, SELECTION_FIELDS);
        if (fields == null) {
            return ProductsAndTags.NONE;
        }
        var kinds = fields.choices("kinds", Kind.class);
        return new ProductsAndTags(
                strings(fields.node("products"), name + ".products", (path, id) -> isKnownId(path, id, catalog)),
                strings(fields.node("tags"), name + ".tags", this::isTag),
                kinds == null ? Set.of() : kinds);
    }

    /**
     * The strings of an array, each checked by {@code check}, which reports under the item's path
     * ("require[2]") and answers whether to keep it. Paths index the JSON array as sent.
     */
    private Set<String> strings(JsonNode array, String path, BiPredicate<String, String> check) {
        if (array == null || array.isNull()) {
            return Set.of();
        }
        if (!array.isArray()) {
            findings.error(path, "must be an array of strings, got " + JsonFields.describe(array));
            return Set.of();
        }
        // A list of ids longer than the largest catalog accepted cannot mean anything but a mistake or an attack.
        if (array.size() > maxInlineProducts) {
            findings.error(path, "has " + array.size() + " items; at most " + maxInlineProducts);
            return Set.of();
        }
        var values = new LinkedHashSet<String>();
        for (int i = 0; i < array.size(); i++) {
            var item = array.get(i);
            var itemPath = path + "[" + i + "]";
            if (!item.isTextual()) {
                findings.error(itemPath, "must be a string, got " + JsonFields.describe(item));
            } else if (check.test(itemPath, item.textValue())) {
                values.add(item.textValue());
            }
        }
        return values;
    }

    private boolean isKnownId(String path, String id, Catalog catalog) {
        if (!ProductJson.ID.matcher(id).matches()) {
            findings.error(path, quoted(id)
                    + " is not a product id: lowercase letters, digits and '-', at most 80 characters");
            return false;
        }
        if (idsCheckable && catalog.product(id) == null) {
            findings.error(path, "no product \"" + id + "\" in catalog \"" + catalog.name() + "\"");
            return false;
        }
        return true;
    }

    private boolean isTag(String path, String tag) {
        if (!ProductJson.TAG.matcher(tag).matches()) {
            findings.error(path, quoted(tag)
                    + " is not a tag: tags are lowercase words of letters, digits and '-', such as \"caffeine\"");
            return false;
        }
        return true;
    }

    private Limits limits(JsonNode node) {
        if (node == null || node.isNull()) {
            return Limits.UNLIMITED;
        }
        var fields = JsonFields.of(node, "limits.", findings, LIMIT_FIELDS);
        if (fields == null) {
            return Limits.UNLIMITED;
        }
        return new Limits(limit(fields, "maxServingsPerProduct"), limit(fields, "maxProducts"), limit(fields, "maxServings"));
    }

    private static int limit(JsonFields fields, String field) {
        var value = fields.integer(field, 1, MAX_LIMIT);
        return value == null ? Limits.NONE : value;
    }

    private InvalidInputException invalid() {
        return InvalidInputException.of(findings, "the plan request");
    }

    /** "\"Caffeine\"", cut short when long: a hostile value is not echoed whole. */
    private static String quoted(String text) {
        return JsonFields.describe(JsonNodeFactory.instance.textNode(text));
    }

    private static String amount(double value, Nutrient nutrient) {
        return Quantities.format(value) + " " + nutrient.canonicalUnit();
    }
}
