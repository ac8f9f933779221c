package ir.tehran.womenfamily.sponsorship.giftedschool;

import ir.tehran.womenfamily.support.jalali.Days;
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
            a.applicationDeadline, Days.jalali(a.applicationDeadline), a.examDate, Days.jalali(a.examDate),
            a.feeRials, covered, covered >= a.feeRials, a.status, a.appliedOn, Days.jalali(a.appliedOn),
            a.examTakenOn, Days.jalali(a.examTakenOn), a.decidedOn, Days.jalali(a.decidedOn), a.recordedBy,
            a.createdAt);
    }
}
