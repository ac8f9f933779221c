package ir.tehran.womenfamily.registry.statistics;

import java.util.List;

import ir.tehran.womenfamily.support.statistics.Figure;
import ir.tehran.womenfamily.support.statistics.FigureCatalogue;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The registry's figures (support-statistics): one line each, the query beside it in {@link RegistrySql}. A woman
 * counts in the district of her record; a merged record is not counted, nor a woman who has left the register.
 */
@ApplicationScoped
public class RegistryFigures implements FigureCatalogue {

    private static final List<String> BY_DISTRICT = List.of(Figure.DISTRICT, Figure.PERIOD);
    private static final List<String> BY_SERIES = List.of(Figure.DISTRICT, Figure.PERIOD, Figure.SERIES);

    private static final List<Figure> FIGURES = List.of(
        Figure.sql("women-served", "زنان سرپرست خانوار دریافت‌کنندهٔ خدمت", "Women in the register receiving a service",
            "women", BY_DISTRICT, false, RegistrySql.WOMEN_SERVED),
        Figure.sql("children-covered", "فرزندان زیر ۲۰ سال تحت پوشش", "Children under 20 covered", "children",
            BY_DISTRICT, false, RegistrySql.CHILDREN_COVERED),
        Figure.sql("businesses", "کسب و کارها به تفکیک رسته", "Businesses by category", "businesses", BY_SERIES,
            false, RegistrySql.BUSINESSES),
        Figure.sql("centres", "مراکز کوثر", "Kowsar centres", "centres", BY_DISTRICT, false, RegistrySql.CENTRES),
        Figure.sql("support-level-moves", "جابه‌جایی زنان در سطح حمایت", "Women moving up or down the support ladder",
            "women", BY_SERIES, false, RegistrySql.LEVEL_MOVES),
        Figure.sql("services-received", "زنان دریافت‌کنندهٔ هر نوع خدمت", "Women who received each kind of service",
            "women", BY_SERIES, false, RegistrySql.SERVICES_RECEIVED),
        Figure.sql("moves-citing-services", "جابه‌جایی در سطح حمایت به استناد خدمات",
            "Moves on the support ladder citing each kind of service", "women", BY_SERIES, false,
            RegistrySql.MOVES_CITING_SERVICES),
        Figure.sql("mothers-freed", "مادران زندانی آزادشده", "Imprisoned mothers freed", "women", BY_DISTRICT, false,
            RegistrySql.MOTHERS_FREED),
        Figure.sql("production-orders", "سفارش‌های تولید", "Production orders started", "orders", BY_DISTRICT, true,
            RegistrySql.PRODUCTION_ORDERS),
        Figure.sql("production-hours", "ساعت کار در سفارش‌های تولید", "Hours worked on production orders", "hours",
            BY_DISTRICT, true, RegistrySql.PRODUCTION_HOURS),
        Figure.sql("production-pay", "دستمزد پرداخت‌شده سفارش‌های تولید", "Pay for production orders", "rials",
            BY_DISTRICT, true, RegistrySql.PRODUCTION_PAY),
        Figure.sql("agency-support", "خانوارهای دارای حمایت نهادهای دیگر", "Households supported by other agencies",
            "households", BY_SERIES, false, RegistrySql.AGENCY_SUPPORT));

    @Override
    public List<Figure> figures() {
        return FIGURES;
    }
}
