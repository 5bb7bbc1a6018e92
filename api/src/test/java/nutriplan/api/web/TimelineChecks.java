package nutriplan.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.openqa.selenium.By;

import com.fasterxml.jackson.databind.JsonNode;

/** What a timeline on the page must show, read from the page itself: every serving placed, no window over its caps. */
final class TimelineChecks {

    private TimelineChecks() {
    }

    /**
     * Every serving of the plan placed once (sips as fractions add up per product), and no 60-minute window of
     * 15-minute slots over its caps, read from the slot totals the page shows.
     */
    static void assertTimelineWithin(Browser browser, JsonNode items, double carbCap, double fluidCap) {
        for (var item : items) {
            double placed = browser.all(By.cssSelector("#timeline table.slots li[data-product='" + item.path("product").asText() + "']"))
                    .stream().mapToDouble(li -> Double.parseDouble(li.getAttribute("data-servings"))).sum();
            assertThat(placed).as(item.path("product").asText()).isCloseTo(item.path("servings").asDouble(), within(0.01));
        }
        var rows = browser.all(By.cssSelector("#timeline table.slots tbody tr"));
        var carb = new double[rows.size()];
        var fluid = new double[rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            var cells = rows.get(k).findElements(By.cssSelector("td.num"));
            carb[k] = Double.parseDouble(cells.get(0).getText().replace(",", ""));
            fluid[k] = Double.parseDouble(cells.get(1).getText().replace(",", ""));
        }
        for (int k = 0; k < rows.size(); k++) {
            double windowCarb = 0;
            double windowFluid = 0;
            for (int j = k; j < Math.min(rows.size(), k + 4); j++) {
                windowCarb += carb[j];
                windowFluid += fluid[j];
            }
            // The page rounds each slot to 0.1: a window of four may read 0.2 over what was planned.
            assertThat(windowCarb).as("carbohydrate from slot " + k).isLessThanOrEqualTo(carbCap + 0.2);
            assertThat(windowFluid).as("fluid from slot " + k).isLessThanOrEqualTo(fluidCap + 0.2);
        }
    }
}
