package ir.tehran.womenfamily.sponsorship.giftedschool;

import ir.tehran.womenfamily.sponsorship.common.Dates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
public class GiftedSchoolMapper {

    @Inject
    GiftedSchoolService service;

    public static GiftedSchoolDtos.SchoolView view(School s) {
        return new GiftedSchoolDtos.SchoolView(s.id, s.name, s.kind, s.district);
    }

    public GiftedSchoolDtos.ApplicationView view(SchoolApplication a) {
        School school = School.findById(a.schoolId);
        long covered = service.feeCovered(a.id);
        return new GiftedSchoolDtos.ApplicationView(a.id, a.childId, view(school), a.academicYear,
            a.applicationDeadline, Dates.jalali(a.applicationDeadline), a.examDate, Dates.jalali(a.examDate),
            a.feeRials, covered, covered >= a.feeRials, a.status, a.appliedOn, Dates.jalali(a.appliedOn),
            a.examTakenOn, Dates.jalali(a.examTakenOn), a.decidedOn, Dates.jalali(a.decidedOn), a.recordedBy,
            a.createdAt);
    }
}
