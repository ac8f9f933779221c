package ir.tehran.womenfamily.registry.transfer;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import ir.tehran.womenfamily.registry.beneficiary.Beneficiary;
import ir.tehran.womenfamily.registry.beneficiary.BeneficiaryService;
import ir.tehran.womenfamily.registry.household.Child;
import ir.tehran.womenfamily.registry.household.HouseholdService;
import ir.tehran.womenfamily.support.jalali.DateInput;
import ir.tehran.womenfamily.support.persian.PersianText;
import ir.tehran.womenfamily.support.problem.ProblemException;

/** Reads the fields of one CSV line with the same rules as the API. */
final class Rows {

    private Rows() {
    }

    /** A line that cannot be imported: where and why (a message key). */
    static final class BadLine extends RuntimeException {
        private final int line;
        private final String field;
        private final String reason;

        BadLine(int line, String field, String reason) {
            super(reason, null, false, false);
            this.line = line;
            this.field = field;
            this.reason = reason;
        }

        int line() {
            return line;
        }

        String field() {
            return field;
        }

        String reason() {
            return reason;
        }
    }

    static String field(Csv.Line line, Map<String, Integer> columns, String name) {
        Integer i = columns.get(name);
        if (i == null || i >= line.fields().size()) {
            return null;
        }
        String v = line.fields().get(i).strip();
        return v.isEmpty() ? null : v;
    }

    static Beneficiary.Profile profile(Csv.Line line, Map<String, Integer> c, LocalDate today) {
        String first = field(line, c, "first_name");
        String last = field(line, c, "last_name");
        if (first == null) {
            throw new BadLine(line.number(), "first_name", "validation.required");
        }
        if (last == null) {
            throw new BadLine(line.number(), "last_name", "validation.required");
        }
        Short district = district(line, c);
        try {
            return BeneficiaryService.profile(first, last, field(line, c, "father_name"),
                date(line, c, "birth_date"), field(line, c, "mobile"), field(line, c, "address"), district,
                field(line, c, "postal_code"), today);
        } catch (ProblemException e) {
            ProblemException.FieldError f = e.errors().get(0);
            throw new BadLine(line.number(), snake(f.field()), f.messageKey());
        }
    }

    static Beneficiary.Channel channel(Csv.Line line, Map<String, Integer> c) {
        String v = field(line, c, "registration_channel");
        try {
            return v == null ? null : Beneficiary.Channel.valueOf(v);
        } catch (IllegalArgumentException e) {
            throw new BadLine(line.number(), "registration_channel", "validation.wrong-format");
        }
    }

    static Beneficiary.SupportLevel level(Csv.Line line, Map<String, Integer> c) {
        String v = field(line, c, "support_level");
        try {
            return v == null ? null : Beneficiary.SupportLevel.valueOf(v);
        } catch (IllegalArgumentException e) {
            throw new BadLine(line.number(), "support_level", "validation.wrong-format");
        }
    }

    /** The child on this line, or null when the line has none. */
    static Child.Facts child(Csv.Line line, Map<String, Integer> c, LocalDate today) {
        String first = field(line, c, "child_first_name");
        if (first == null) {
            return null;
        }
        String last = field(line, c, "child_last_name");
        LocalDate birth = date(line, c, "child_birth_date");
        if (birth == null) {
            throw new BadLine(line.number(), "child_birth_date", "validation.required");
        }
        Child.Gender gender;
        try {
            gender = Child.Gender.valueOf(String.valueOf(field(line, c, "child_gender")));
        } catch (IllegalArgumentException e) {
            throw new BadLine(line.number(), "child_gender", "validation.wrong-format");
        }
        Short grade = null;
        String g = field(line, c, "child_grade");
        if (g != null) {
            try {
                grade = Short.parseShort(PersianText.latinDigits(g));
            } catch (NumberFormatException e) {
                throw new BadLine(line.number(), "child_grade", "validation.wrong-format");
            }
            if (grade < 0 || grade > 12) {
                throw new BadLine(line.number(), "child_grade", "validation.wrong-format");
            }
        }
        try {
            String childLast = last != null ? last : field(line, c, "last_name");
            return HouseholdService.facts(first, childLast, field(line, c, "child_national_code"),
                birth, gender, grade, today);
        } catch (ProblemException e) {
            throw new BadLine(line.number(), "child_" + snake(e.errors().get(0).field()),
                e.errors().get(0).messageKey());
        }
    }

    private static Short district(Csv.Line line, Map<String, Integer> c) {
        String v = field(line, c, "district");
        if (v == null) {
            return null;
        }
        try {
            short d = Short.parseShort(PersianText.latinDigits(v));
            if (d < 1 || d > 22) {
                throw new NumberFormatException(v);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new BadLine(line.number(), "district", "validation.district");
        }
    }

    private static LocalDate date(Csv.Line line, Map<String, Integer> c, String name) {
        String v = field(line, c, name);
        try {
            return v == null ? null : DateInput.parse(v);
        } catch (DateTimeParseException e) {
            throw new BadLine(line.number(), name, "validation.date");
        }
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
