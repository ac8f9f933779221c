package ir.tehran.womenfamily.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import ir.tehran.womenfamily.support.jalali.JalaliDate;
import ir.tehran.womenfamily.support.taxonomy.Category;
import ir.tehran.womenfamily.support.time.Tehran;

/**
 * Synthetic data at today's scale, the same for the same seed: 19,823 women heads of household with
 * valid national codes and Persian names in their real spelling variants (Arabic ي and ك, with and
 * without the zero-width non-joiner, Persian and Latin digits), 15,182 children under 20, 864
 * businesses over the fifteen categories (a few owned by campaign participants who are not heads of
 * household) and 95 Kowsar centres over the 22 districts. Nobody in it is a real person. The women and children
 * are written in the registry's import format (the CSV its {@code POST /imports} takes), so that they reach it
 * the way a real register does.
 */
public final class DemoDataGenerator {

    public static final int WOMEN = 19_823;
    public static final int CHILDREN = 15_182;
    public static final int BUSINESSES = 864;
    public static final int CENTRES = 95;
    public static final int PARTICIPANT_BUSINESSES = 64;

    /** The columns of the registry's import CSV ({@code POST /api/registry/imports}), in its order. */
    public static final List<String> IMPORT_COLUMNS = List.of(
        "national_code", "first_name", "last_name", "father_name", "birth_date", "mobile", "district",
        "postal_code", "address", "registration_channel", "support_level",
        "child_first_name", "child_last_name", "child_national_code", "child_birth_date", "child_gender",
        "child_grade");

    private static final String ZWNJ = "\u200C";
    private static final String[] WOMEN_NAMES = {"زهرا", "فاطمه", "مریم", "معصومه", "زینب", "سکینه", "طاهره",
        "کبری", "صغری", "اعظم", "اکرم", "مهین", "پروین", "شهین", "نرگس", "لیلا", "سمیه", "رقیه", "مرضیه", "منیژه",
        "فرشته", "سیمین", "ژاله", "ناهید", "شیرین", "پریسا", "الهام", "مینا", "نسرین", "راضیه", "صدیقه", "هاجر",
        "کلثوم", "ملیحه", "عاطفه", "نازنین", "سارا", "طیبه", "خدیجه", "آمنه", "سهیلا", "فریبا", "مهناز", "شیدا",
        "ریحانه", "بتول", "اشرف", "عفت", "فرح", "نیره"};
    private static final String[] GIRL_NAMES = {"فاطمه", "زهرا", "ریحانه", "نازنین زهرا", "حلما", "یسنا", "رقیه",
        "مهسا", "سارا", "هستی", "آیدا", "ستایش", "باران", "النا", "مبینا", "کوثر", "حنانه", "ملیکا", "فاطمه زهرا",
        "محدثه"};
    private static final String[] BOY_NAMES = {"علی", "محمد", "امیرحسین", "حسین", "مهدی", "امیرعلی", "محمدطاها",
        "ابوالفضل", "رضا", "سجاد", "امید", "آرین", "پارسا", "یاسین", "محمدرضا", "عرفان", "سینا", "کیان", "حسام",
        "محمدمهدی"};
    private static final String[] LAST_NAMES = {"محمدی", "حسینی", "احمدی", "رضایی", "کریمی", "موسوی", "جعفری",
        "صادقی", "رحیمی", "قاسمی", "عباسی", "حیدری", "نوری", "کاظمی", "ابراهیمی", "یوسفی", "اکبری", "سلیمانی",
        "شریفی", "امیری", "محمدی‌نژاد", "حسین‌زاده", "علی‌پور", "کریمی‌فر", "رضایی‌مقدم", "قلی‌زاده", "تقی‌پور",
        "میرزایی", "طاهری", "باقری", "نظری", "فرهادی", "ملکی", "صالحی", "زارعی", "نجفی", "کیانی", "بهرامی",
        "حسن‌پور", "عسکری", "اسماعیلی", "یزدانی", "کرمانی", "شیرازی", "تهرانی", "کاشانی", "مرادی", "خلیلی",
        "عزیزی", "سبحانی", "پاکزاد", "ولی‌زاده", "نیک‌خواه", "خوش‌نیت", "دوست‌محمدی", "آقایی", "گودرزی", "فتحی",
        "سلطانی", "ایزدی"};
    private static final String[] STREETS = {"خیابان آزادی", "خیابان انقلاب", "خیابان ولیعصر", "خیابان شریعتی",
        "خیابان پیروزی", "خیابان دماوند", "خیابان نواب", "خیابان کارگر", "خیابان شهرری", "خیابان پاسداران"};
    private static final String[] MOBILE_PREFIXES = {"0912", "0913", "0919", "0935", "0936", "0937", "0938", "0939",
        "0901", "0902", "0990", "0991"};

    private final Random random;
    private final LocalDate today;
    private final Set<String> codes = new HashSet<>();
    private final Set<String> mobiles = new HashSet<>();

    /** A woman as generated: her canonical national code (for owning businesses), name and district. */
    public record Woman(String nationalCode, String firstName, String lastName, int district) {
    }

    /** A Kowsar centre as generated; {@code state} is its renovation state as the registry's API names it. */
    public record Centre(String code, String name, short district, int capacity, String state, short builtYear) {
    }

    /** A business as generated; its owner is a woman of the set (by national code) or a participant. */
    public record DemoBusiness(String ownerNationalCode, boolean ownerIsParticipant, String name, Category category,
            int centreIndex) {
    }

    /** A campaign participant who is not a head of household. */
    public record Participant(String nationalCode, String firstName, String lastName, int district) {
    }

    /** Everything generated. */
    public record DemoData(String womenCsv, List<Woman> women, List<Centre> centres, List<Participant> participants,
            List<DemoBusiness> businesses, int children) {
    }

    /** Writes the women-and-children CSV: {@code DemoDataGenerator OUT.csv [SEED]} (used by the benchmarks). */
    public static void main(String[] args) throws java.io.IOException {
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1403;
        DemoData data = new DemoDataGenerator(seed, Tehran.today(java.time.Clock.systemUTC())).generate();
        java.nio.file.Files.writeString(java.nio.file.Path.of(args[0]), data.womenCsv(),
            java.nio.charset.StandardCharsets.UTF_8);
        System.out.println(data.women().size() + " women, " + data.children() + " children");
    }

    public DemoDataGenerator(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.today = today;
    }

    public DemoData generate() {
        List<Woman> women = new ArrayList<>(WOMEN);
        int[] kids = childCounts();
        StringBuilder csv = new StringBuilder(4_000_000);
        csv.append(String.join(",", IMPORT_COLUMNS)).append('\n');
        int children = 0;
        for (int i = 0; i < WOMEN; i++) {
            String code = nationalCode();
            String first = pick(WOMEN_NAMES);
            String last = pick(LAST_NAMES);
            int district = 1 + random.nextInt(22);
            women.add(new Woman(code, first, last, district));
            LocalDate birth = jalaliDay(1340 + random.nextInt(46));
            List<String> hers = List.of(
                variantDigits(code), variant(first), variant(last), random.nextInt(3) == 0 ? "" : pick(BOY_NAMES),
                dateText(birth), random.nextInt(10) < 9 ? variantDigits(mobile()) : "", Integer.toString(district),
                random.nextInt(2) == 0 ? postalCode() : "", "تهران، منطقه " + district + "، " + pick(STREETS),
                channel(), level());
            if (kids[i] == 0) {
                line(csv, hers, List.of("", "", "", "", "", ""));
            }
            for (int k = 0; k < kids[i]; k++) {
                boolean girl = random.nextBoolean();
                LocalDate childBirth = childBirth(birth);
                int age = today.getYear() - childBirth.getYear();
                String grade = age >= 6 && age <= 17 ? Integer.toString(Math.min(12, age - 5)) : age == 5 ? "0" : "";
                line(csv, hers, List.of(girl ? pick(GIRL_NAMES) : pick(BOY_NAMES), last,
                    random.nextInt(3) == 0 ? nationalCode() : "", dateText(childBirth), girl ? "FEMALE" : "MALE",
                    grade));
                children++;
            }
        }
        List<Centre> centres = centres();
        List<Participant> participants = new ArrayList<>();
        List<DemoBusiness> businesses = new ArrayList<>();
        Category[] categories = Category.values();
        List<Integer> owners = new ArrayList<>();
        for (int i = 0; i < WOMEN; i++) {
            owners.add(i);
        }
        java.util.Collections.shuffle(owners, random);
        for (int b = 0; b < BUSINESSES; b++) {
            Category category = categories[b % categories.length];
            int centre = random.nextInt(10) < 3 ? random.nextInt(CENTRES) : -1;
            if (b < BUSINESSES - PARTICIPANT_BUSINESSES) {
                Woman owner = women.get(owners.get(b));
                businesses.add(new DemoBusiness(owner.nationalCode(), false,
                    category.persian() + " " + owner.firstName(), category, centre));
            } else {
                Participant p = new Participant(nationalCode(), pick(GIRL_NAMES), pick(LAST_NAMES),
                    1 + random.nextInt(22));
                participants.add(p);
                businesses.add(new DemoBusiness(p.nationalCode(), true, category.persian() + " " + p.firstName(),
                    category, centre));
            }
        }
        return new DemoData(csv.toString(), women, centres, participants, businesses, children);
    }

    /** How many children each woman has, summing exactly to {@link #CHILDREN}. */
    private int[] childCounts() {
        int[] counts = new int[WOMEN];
        int total = 0;
        for (int i = 0; i < WOMEN; i++) {
            int r = random.nextInt(100);
            counts[i] = r < 35 ? 0 : r < 65 ? 1 : r < 90 ? 2 : r < 98 ? 3 : 4;
            total += counts[i];
        }
        while (total != CHILDREN) {
            int i = random.nextInt(WOMEN);
            if (total < CHILDREN && counts[i] < 5) {
                counts[i]++;
                total++;
            } else if (total > CHILDREN && counts[i] > 0) {
                counts[i]--;
                total--;
            }
        }
        return counts;
    }

    private List<Centre> centres() {
        List<Centre> centres = new ArrayList<>();
        String[] states = {"PLANNED", "PLANNED", "PLANNED", "IN_PROGRESS", "DONE", "NOT_PLANNED"};
        int[] perDistrict = new int[23];
        for (int i = 0; i < CENTRES; i++) {
            short district = (short) (1 + i % 22);
            perDistrict[district]++;
            centres.add(new Centre(String.format(java.util.Locale.ROOT, "KOWSAR-%03d", i + 1),
                "مرکز کوثر منطقه " + district + " - " + perDistrict[district], district, 15 + random.nextInt(46),
                states[random.nextInt(states.length)], (short) (1380 + random.nextInt(13))));
        }
        return centres;
    }

    private LocalDate childBirth(LocalDate mother) {
        LocalDate earliest = mother.plusYears(16);
        LocalDate youngest = today.minusMonths(1);
        LocalDate oldest = today.minusYears(19).minusMonths(10);
        LocalDate from = earliest.isAfter(oldest) ? earliest : oldest;
        if (!from.isBefore(youngest)) {
            from = youngest.minusYears(1);
        }
        long span = youngest.toEpochDay() - from.toEpochDay();
        return from.plusDays((long) (random.nextDouble() * span));
    }

    private LocalDate jalaliDay(int year) {
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(JalaliDate.monthLength(year, month));
        return new JalaliDate(year, month, day).toGregorian();
    }

    /** Half the dates are written in Jalali (some with Persian digits), half in ISO. */
    private String dateText(LocalDate date) {
        int r = random.nextInt(4);
        return switch (r) {
            case 0 -> date.toString();
            case 1 -> JalaliDate.of(date).toString();
            case 2 -> persianDigits(JalaliDate.of(date).toString().replace('-', '/'));
            default -> date.toString();
        };
    }

    private String nationalCode() {
        while (true) {
            StringBuilder sb = new StringBuilder(10);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                int d = random.nextInt(10);
                sb.append(d);
                sum += d * (10 - i);
            }
            int r = sum % 11;
            String code = sb.append(r < 2 ? r : 11 - r).toString();
            if (code.chars().distinct().count() > 1 && codes.add(code)) {
                return code;
            }
        }
    }

    private String mobile() {
        while (true) {
            String m = pick(MOBILE_PREFIXES) + String.format(java.util.Locale.ROOT, "%07d", random.nextInt(10_000_000));
            if (mobiles.add(m)) {
                return m;
            }
        }
    }

    private String postalCode() {
        StringBuilder sb = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            sb.append(1 + random.nextInt(9));
        }
        return sb.toString();
    }

    private String channel() {
        int r = random.nextInt(100);
        return r < 60 ? "MUNICIPAL_OFFICE" : r < 85 ? "HOME_BUSINESS_CAMPAIGN" : r < 98 ? "AGENCY_REFERRAL"
            : "PRISON_RELEASE";
    }

    private String level() {
        int r = random.nextInt(100);
        return r < 30 ? "COUNSELLING" : r < 60 ? "TRAINING" : r < 85 ? "BUSINESS_SUPPORT"
            : r < 95 ? "SELF_RELIANT" : "";
    }

    /** The spelling variants of real data entry: Arabic yeh and kaf, ZWNJ dropped or turned into a space. */
    private String variant(String name) {
        String s = name;
        int r = random.nextInt(10);
        if (r == 0) {
            s = s.replace('ی', 'ي').replace('ک', 'ك');
        } else if (r == 1) {
            s = s.replace(ZWNJ, "");
        } else if (r == 2) {
            s = s.replace(ZWNJ, " ");
        }
        return s;
    }

    private String variantDigits(String digits) {
        return random.nextInt(5) == 0 ? persianDigits(digits) : digits;
    }

    private static String persianDigits(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            sb.append(c >= '0' && c <= '9' ? (char) ('\u06F0' + (c - '0')) : c);
        }
        return sb.toString();
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static void line(StringBuilder csv, List<String> hers, List<String> child) {
        List<String> all = new ArrayList<>(hers);
        all.addAll(child);
        for (int i = 0; i < all.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quote(all.get(i)));
        }
        csv.append('\n');
    }

    /** A CSV field, quoted when it must be (RFC 4180). */
    static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
