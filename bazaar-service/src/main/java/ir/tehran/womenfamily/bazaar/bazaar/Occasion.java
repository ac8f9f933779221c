package ir.tehran.womenfamily.bazaar.bazaar;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An occasion bazaars are held for: Nowruz eve, Yalda, and others an admin adds. */
@Entity
@Table(name = "occasion")
public class Occasion extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "name_fa", nullable = false)
    public String nameFa;

    @Column(name = "name_en", nullable = false)
    public String nameEn;
}
