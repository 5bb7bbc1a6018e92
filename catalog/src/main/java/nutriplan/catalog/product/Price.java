package nutriplan.catalog.product;

import java.util.Objects;

/** The price of one serving. */
public record Price(double amount, String currency) {

    public Price {
        Objects.requireNonNull(currency, "currency");
    }
}
