package ir.tehran.womenfamily.registry.transfer;

import java.util.List;

/**
 * The CSV of women and their children, for import and export alike. One line per child; a woman with
 * no children has one line with the child columns empty; a woman with three children has three lines
 * repeating her columns. Dates are ISO or Jalali, digits Latin or Persian.
 */
public final class ImportFormat {

    public static final List<String> COLUMNS = List.of(
        "national_code", "first_name", "last_name", "father_name", "birth_date", "mobile", "district",
        "postal_code", "address", "registration_channel", "support_level",
        "child_first_name", "child_last_name", "child_national_code", "child_birth_date", "child_gender",
        "child_grade");

    private ImportFormat() {
    }

    public static String header() {
        return String.join(",", COLUMNS);
    }
}
