package ir.tehran.womenfamily.support.taxonomy;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The directorate's taxonomy of home-business goods (the fifteen categories of its business register), with
 * Persian and English labels: the one list both the registry and the bazaar read.
 *
 * <p>The {@linkplain #code() code} ({@code handicrafts}) is what the API and the events carry and what the
 * bazaar stores; the registry stores the constant name ({@code HANDICRAFTS}, JPA {@code EnumType.STRING}).
 * Neither may change without a migration and a new event version.
 */
public enum Category {
    CHILDREN_TEEN_CLOTHING("children-teen-clothing", "پوشاک کودک و نوجوان", "Children's and teen clothing"),
    WOMENS_CLOTHING("womens-clothing", "پوشاک زنانه", "Women's clothing"),
    MENS_CLOTHING("mens-clothing", "پوشاک مردانه", "Men's clothing"),
    BEDDING("bedding", "کالای خواب", "Bedding"),
    HIJAB_GOODS("hijab-goods", "کالای حجاب", "Hijab goods"),
    HANDICRAFTS("handicrafts", "صنایع دستی", "Handicrafts"),
    JEWELLERY_ACCESSORIES("jewellery-accessories", "زیورآلات", "Jewellery and accessories"),
    NEEDLEWORK("needlework", "سوزن‌دوزی", "Needlework"),
    POTTERY("pottery", "سفال", "Pottery"),
    MACRAME("macrame", "مکرومه", "Macramé"),
    DOLLS("dolls", "عروسک", "Dolls"),
    CANDLES("candles", "شمع", "Candles"),
    KITCHEN_GOODS("kitchen-goods", "کالای آشپزخانه", "Kitchen goods"),
    CULTURAL_PRODUCTS("cultural-products", "تولیدات خرد فرهنگی", "Small cultural products"),
    DRIED_FRUIT_NUTS_FOOD("dried-fruit-nuts-food", "بسته‌بندی خشکبار و مواد غذایی",
        "Packaged dried fruit, nuts and food");

    private final String code;
    private final String persian;
    private final String english;

    Category(String code, String persian, String english) {
        this.code = code;
        this.persian = persian;
        this.english = english;
    }

    /** The code used in events and the API, as in the event contract. */
    @JsonValue
    public String code() {
        return code;
    }

    /** From its code ({@code handicrafts}) or its constant name ({@code HANDICRAFTS}). */
    @JsonCreator
    public static Category of(String value) {
        for (Category c : values()) {
            if (c.code.equals(value) || c.name().equals(value)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown category " + value);
    }

    /** From its code only ({@code handicrafts}), as the events and the bazaar's API carry it. */
    public static Category ofCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown category " + code));
    }

    public String persian() {
        return persian;
    }

    public String english() {
        return english;
    }
}
