package ir.tehran.womenfamily.registry.casework;

/** Who follows a woman's case: a caseworker (مددکار) or a counsellor (مشاور). */
public enum AssigneeKind {
    CASEWORKER, COUNSELLOR
}
