package ir.tehran.womenfamily.sponsorship.school;


public final class TermReportMapper {

    private TermReportMapper() {
    }

    public static TermReportDtos.TermReportView toView(TermReport r) {
        Term t = Term.of(r);
        return new TermReportDtos.TermReportView(r.id, r.childId, r.academicYear, r.term, r.schoolName, r.grades,
            t.average(),
            r.schoolDays, r.absentDays, t.absenceRate(), r.recordedBy, r.recordedAt);
    }
}
