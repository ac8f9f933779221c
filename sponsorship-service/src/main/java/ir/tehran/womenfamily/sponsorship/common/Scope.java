package ir.tehran.womenfamily.sponsorship.common;

import java.util.Set;
import java.util.stream.Collectors;

import ir.tehran.womenfamily.support.security.Caller;

/**
 * The districts whose children a caller may see: every district ({@link #ALL}: an admin, or an officer whose
 * token carries no {@code districts} claim, as the gateway issues it for city-wide staff), or only those of
 * her token's {@code districts} claim. A child whose district is not known is seen only by the city-wide.
 */
public record Scope(Set<Short> districts) {

    public static final Scope ALL = new Scope(null);

    public Scope {
        districts = districts == null ? null : Set.copyOf(districts);
    }

    /**
     * The scope of {@code caller}: every district for an admin or a caller whose token has no {@code districts}
     * claim (city-wide), else the districts of the claim (none when it cannot be read).
     */
    public static Scope of(Caller caller) {
        if (caller.isAdmin() || caller.cityWide()) {
            return ALL;
        }
        return new Scope(caller.districts().stream().map(Integer::shortValue).collect(Collectors.toSet()));
    }

    public boolean all() {
        return districts == null;
    }

    public boolean sees(Short district) {
        return districts == null || district != null && districts.contains(district);
    }

    /**
     * Whether she sees a record that may belong to no district ({@code null}: city-wide, such as a programme open to
     * every district's children): a record of her districts, or one of none.
     */
    public boolean seesOrCityWide(Short district) {
        return district == null || sees(district);
    }

    /** Like {@link #and(String)}, but a row whose district is null (city-wide) is kept too. */
    public String andOrCityWide(String column) {
        String condition = and(column);
        if (condition.isEmpty()) {
            return "";
        }
        return " and (" + column + " is null or" + condition.substring(" and".length()) + ")";
    }

    /**
     * A condition to AND into SQL or JPQL on a district column, e.g. {@code " and c.district in (5, 12)"}; empty
     * for the city-wide. The districts are small integers from the verified token, written as such.
     */
    public String and(String column) {
        if (districts == null) {
            return "";
        }
        if (districts.isEmpty()) {
            return " and 1 = 0";
        }
        return " and " + column + " in (" + districts.stream().sorted().map(String::valueOf)
            .collect(Collectors.joining(", ")) + ")";
    }
}
