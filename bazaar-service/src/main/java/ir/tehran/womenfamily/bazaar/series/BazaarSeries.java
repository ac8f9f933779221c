package ir.tehran.womenfamily.bazaar.series;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import ir.tehran.womenfamily.bazaar.bazaar.Bazaar;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A recurrence a coordinator defined, and from which the service generated bazaars. */
@Entity
@Table(name = "bazaar_series")
public class BazaarSeries extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "name_fa", nullable = false)
    public String nameFa;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Bazaar.Kind kind;

    public String occasion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JalaliRecurrence.Rule rule;

    /** The request that defined it, as JSON. */
    @Column(name = "rule_json", nullable = false)
    public String ruleJson;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
