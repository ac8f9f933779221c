package ir.tehran.womenfamily.registry.transfer;

import java.util.List;

/**
 * Why an export is made, and so which columns it carries (minimisation, purpose limitation). The table
 * is documented in docs/security.md ("Exports"); a purpose not here cannot be asked for. No purpose carries
 * a sensitive fact in any form: no cohort, case, note or placement, and the registration channel only
 * generalised ({@code Beneficiary.Channel#disclosed}).
 */
public enum ExportPurpose {

    /** Moving the register into another system of the directorate, or a backup: the import format, re-importable. */
    REGISTER_TRANSFER(true, false, List.copyOf(ExportColumn.importFormat())),

    /** Inviting the women of a district to training, bazaars or the campaign: whom to call, nothing more. */
    OUTREACH(false, false, List.of(ExportColumn.FIRST_NAME, ExportColumn.LAST_NAME, ExportColumn.MOBILE,
        ExportColumn.DISTRICT, ExportColumn.STATUS, ExportColumn.SUPPORT_LEVEL)),

    /** Education services for her children (talent identification, summer courses): one line per child. */
    CHILD_EDUCATION(true, true, List.of(ExportColumn.FIRST_NAME, ExportColumn.LAST_NAME, ExportColumn.MOBILE,
        ExportColumn.DISTRICT, ExportColumn.CHILD_FIRST_NAME, ExportColumn.CHILD_LAST_NAME,
        ExportColumn.CHILD_BIRTH_DATE, ExportColumn.CHILD_GENDER, ExportColumn.CHILD_GRADE)),

    /** Counting and planning: no name, no code, no contact; month of registration and year of birth only. */
    STATISTICS(false, false, List.of(ExportColumn.DISTRICT, ExportColumn.STATUS, ExportColumn.SUPPORT_LEVEL,
        ExportColumn.REGISTERED_MONTH, ExportColumn.BIRTH_YEAR, ExportColumn.CHILDREN));

    private final boolean linePerChild;
    private final boolean childrenOnly;
    private final List<ExportColumn> columns;

    ExportPurpose(boolean linePerChild, boolean childrenOnly, List<ExportColumn> columns) {
        this.linePerChild = linePerChild;
        this.childrenOnly = childrenOnly;
        this.columns = columns;
    }

    /** One line per child (a woman without children has one line with the child columns empty). */
    public boolean linePerChild() {
        return linePerChild;
    }

    /** Only women with at least one child, one line per child. */
    public boolean childrenOnly() {
        return childrenOnly;
    }

    public List<ExportColumn> columns() {
        return columns;
    }

    public String header() {
        return String.join(",", columns.stream().map(ExportColumn::header).toList());
    }
}
