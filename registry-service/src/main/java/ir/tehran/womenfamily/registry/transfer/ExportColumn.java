package ir.tehran.womenfamily.registry.transfer;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import ir.tehran.womenfamily.support.jalali.JalaliDate;

/** A column an export may carry, and how it is read from one exported line. */
public enum ExportColumn {
    NATIONAL_CODE("national_code", ExportRow::nationalCode),
    FIRST_NAME("first_name", ExportRow::firstName),
    LAST_NAME("last_name", ExportRow::lastName),
    FATHER_NAME("father_name", ExportRow::fatherName),
    BIRTH_DATE("birth_date", ExportRow::birthDate),
    MOBILE("mobile", ExportRow::mobile),
    DISTRICT("district", ExportRow::district),
    POSTAL_CODE("postal_code", ExportRow::postalCode),
    ADDRESS("address", ExportRow::address),
    /** Generalised: a prison release is written as AGENCY_REFERRAL, like everywhere else. */
    REGISTRATION_CHANNEL("registration_channel", r -> r.channel() == null ? null : r.channel().disclosed()),
    SUPPORT_LEVEL("support_level", ExportRow::supportLevel),
    CHILD_FIRST_NAME("child_first_name", r -> r.child() == null ? null : r.child().firstName()),
    CHILD_LAST_NAME("child_last_name", r -> r.child() == null ? null : r.child().lastName()),
    CHILD_NATIONAL_CODE("child_national_code", r -> r.child() == null ? null : r.child().nationalCode()),
    CHILD_BIRTH_DATE("child_birth_date", r -> r.child() == null ? null : r.child().birthDate()),
    CHILD_GENDER("child_gender", r -> r.child() == null ? null : r.child().gender()),
    CHILD_GRADE("child_grade", r -> r.child() == null ? null : r.child().grade()),
    STATUS("status", ExportRow::status),
    /** The Jalali month (1403-07) of her registration, in Tehran. */
    REGISTERED_MONTH("registered_month", r -> JalaliDate.of(r.registeredOn()).toString().substring(0, 7)),
    /** The Jalali year of her birth; empty when unknown. */
    BIRTH_YEAR("birth_year", r -> r.birthDate() == null ? null : JalaliDate.of(r.birthDate()).toString()
        .substring(0, 4)),
    CHILDREN("children", ExportRow::children);

    private final String header;
    private final Function<ExportRow, Object> value;

    ExportColumn(String header, Function<ExportRow, Object> value) {
        this.header = header;
        this.value = value;
    }

    public String header() {
        return header;
    }

    public Object value(ExportRow row) {
        return value.apply(row);
    }

    /** The columns of {@link ImportFormat}, in its order, so that a transfer export imports again as it is. */
    static List<ExportColumn> importFormat() {
        return ImportFormat.COLUMNS.stream().map(h -> Arrays.stream(values()).filter(c -> c.header.equals(h))
            .findFirst().orElseThrow(() -> new IllegalStateException("no export column " + h))).toList();
    }
}
