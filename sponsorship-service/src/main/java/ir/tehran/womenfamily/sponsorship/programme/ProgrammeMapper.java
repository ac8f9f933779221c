package ir.tehran.womenfamily.sponsorship.programme;

import ir.tehran.womenfamily.support.jalali.Days;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
public class ProgrammeMapper {

    @Inject
    ProgrammeService programmes;

    @Inject
    EnrolmentService enrolments;

    public ProgrammeDtos.ProgrammeView view(Programme p) {
        ProgrammeService.Counts c = programmes.counts(p.id);
        return new ProgrammeDtos.ProgrammeView(p.id, p.kind, p.title, p.description, p.district, p.minAge, p.maxAge,
            p.capacity, c.enrolled(), c.waitlisted(), c.completed(), p.startsOn, Days.jalali(p.startsOn), p.endsOn,
            Days.jalali(p.endsOn), p.plannedSessions, c.sessionsHeld(), p.feeRials, p.createdBy, p.createdAt);
    }

    public ProgrammeDtos.EnrolmentView view(Enrolment e) {
        return new ProgrammeDtos.EnrolmentView(e.id, e.programmeId, e.childId, e.status,
            enrolments.waitlistPosition(e), e.requestedAt, e.enrolledAt, e.completedAt, e.withdrawnAt, e.outcome,
            enrolments.attendance(e));
    }

    public ProgrammeDtos.SessionView view(ProgrammeSession s) {
        long[] counts = programmes.attendance(s.id);
        return new ProgrammeDtos.SessionView(s.id, s.programmeId, s.number, s.heldOn, Days.jalali(s.heldOn), s.topic,
            counts[0], counts[1]);
    }
}
