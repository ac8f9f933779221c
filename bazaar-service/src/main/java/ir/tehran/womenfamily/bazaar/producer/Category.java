package ir.tehran.womenfamily.bazaar.producer;

import java.util.Arrays;
import java.util.List;

/** The fifteen categories of goods of the directorate's taxonomy, with the registry's codes. */
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
    private final String nameFa;
    private final String nameEn;

    Category(String code, String nameFa, String nameEn) {
        this.code = code;
        this.nameFa = nameFa;
        this.nameEn = nameEn;
    }

    public String code() {
        return code;
    }

    public String nameFa() {
        return nameFa;
    }

    public String nameEn() {
        return nameEn;
    }

    public static Category ofCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown category " + code));
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(Category::code).toList();
    }
}
