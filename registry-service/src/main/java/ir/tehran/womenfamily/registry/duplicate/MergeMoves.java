package ir.tehran.womenfamily.registry.duplicate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * What a merge does with each table that references a woman. The services that announce their changes move
 * their rows themselves first (her household and open businesses, {@code HouseholdService} and
 * {@code BusinessService}; her placements and campaign record, observers of {@link BeneficiariesMerged});
 * {@link #moveTheRest} then moves everything else of hers, in SQL, in the same transaction. Where both records
 * hold what a woman can have only one of, the survivor's stays and takes in the other's:
 * <ul>
 *   <li>her case: the survivor's case stays (and its assignee); the other case's assignments and notes, and the
 *       services delivered under it, move under it, their history kept, and the emptied case is removed;</li>
 *   <li>an open membership of the same cohort: the survivor's stays, from the earlier of the two dates, with the
 *       following centre of either;</li>
 *   <li>a payout of the same production order: one payout with the hours and the amount of both.</li>
 * </ul>
 * Everything is journaled ({@link MergeJournal}), so a split restores both records exactly.
 * {@link #HANDLED} names, for every column that references {@code beneficiary(id)}, who moves it; the
 * catalogue test fails when a new one is not named here.
 */
@ApplicationScoped
public class MergeMoves {

    /** Every column referencing a woman, and who moves it at a merge. */
    public static final Map<String, String> HANDLED = Map.ofEntries(
        Map.entry("beneficiary.merged_into", "MergeMoves: records merged into her now point at the survivor"),
        Map.entry("beneficiary_history.beneficiary_id", "MergeMoves"),
        Map.entry("child.mother_id", "HouseholdService.moveHousehold (announced); removed children MergeMoves"),
        Map.entry("dependant.beneficiary_id", "HouseholdService.moveHousehold"),
        Map.entry("business.owner_beneficiary_id", "BusinessService.transferOwnership (announced); closed ones "
            + "MergeMoves"),
        Map.entry("duplicate_candidate.first_id", "MergeMoves (other pairs; a pair that becomes a duplicate goes)"),
        Map.entry("duplicate_candidate.second_id", "MergeMoves (other pairs; a pair that becomes a duplicate goes)"),
        Map.entry("consent.beneficiary_id", "MergeMoves"),
        Map.entry("disclosure.beneficiary_id", "MergeMoves (what was shared of her goes with her consents)"),
        Map.entry("beneficiary_case.beneficiary_id", "MergeMoves (one case: notes and assignments join the "
            + "survivor's)"),
        Map.entry("referral.beneficiary_id", "MergeMoves"),
        Map.entry("agency_support.beneficiary_id", "MergeMoves (what other agencies give her household)"),
        Map.entry("dci_notification.beneficiary_id", "MergeMoves (what agencies were notified of her, as her "
            + "disclosures)"),
        Map.entry("dci_remote_subscription.beneficiary_id", "MergeMoves (the registry's subscriptions to "
            + "agencies about her)"),
        Map.entry("dci_received_event.beneficiary_id", "MergeMoves (the agencies' notifications about her)"),
        Map.entry("break_glass_access.beneficiary_id", "MergeMoves"),
        Map.entry("correction_request.beneficiary_id", "MergeMoves (what she asked to be corrected)"),
        Map.entry("cohort_membership.beneficiary_id", "MergeMoves (one open membership per cohort)"),
        Map.entry("release_case.beneficiary_id", "MergeMoves (her release cases, their histories with them)"),
        Map.entry("production_order_work.beneficiary_id", "MergeMoves"),
        Map.entry("production_order_payout.beneficiary_id", "MergeMoves (one payout per order)"),
        Map.entry("placement.beneficiary_id", "PlacementService.onMerged"),
        Map.entry("placement_statement.beneficiary_id", "PlacementService.onMerged"),
        Map.entry("campaign_mentee.beneficiary_id", "CampaignService.onMerged (announced)"),
        Map.entry("counselling_session.beneficiary_id", "MergeMoves (under the survivor's case)"),
        Map.entry("training_enrolment.beneficiary_id", "MergeMoves (under the survivor's case, attendance with it)"),
        Map.entry("business_facilitation.beneficiary_id", "MergeMoves (under the survivor's case)"));

    /** The services delivered to her, each under her case (package {@code delivered}). */
    private static final List<String> DELIVERED = List.of("counselling_session", "training_enrolment",
        "business_facilitation");

    @Inject
    EntityManager em;

    /** Moves every row of {@code loser}'s that the services did not move to {@code survivor}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void moveTheRest(UUID loser, UUID survivor, UUID candidateId) {
        em.flush();
        // records merged earlier into the merged-away one
        run("update beneficiary set merged_into = ?2 where merged_into = ?1", loser, survivor);
        run("update beneficiary_history set beneficiary_id = ?2 where beneficiary_id = ?1", loser, survivor);
        run("update child set mother_id = ?2 where mother_id = ?1", loser, survivor);
        run("update dependant set beneficiary_id = ?2 where beneficiary_id = ?1", loser, survivor);
        run("update business set owner_beneficiary_id = ?2 where owner_beneficiary_id = ?1", loser, survivor);
        run("update consent set beneficiary_id = ?2 where beneficiary_id = ?1", loser, survivor);
        run("update disclosure set beneficiary_id = ?2 where beneficiary_id = ?1", loser, survivor);
        run("update referral set beneficiary_id = ?2 where beneficiary_id = ?1", loser, survivor);
        run("update agency_support set beneficiary_id = ?2 where beneficiary_id = ?1", loser, survivor);
        run("update dci_notification set beneficiary_id = ?2 where beneficiary_id = ?1", loser, survivor);
        run("update dci_remote_subscription set beneficiary_id = ?2 where beneficiary_id = ?1", loser, survivor);
        run("update dci_received_event set beneficiary_id = ?2 where beneficiary_id = ?1", loser, survivor);
        run("update break_glass_access set beneficiary_id = ?2 where beneficiary_id = ?1", loser, survivor);
        run("update correction_request set beneficiary_id = ?2 where beneficiary_id = ?1", loser, survivor);
        run("update production_order_work set beneficiary_id = ?2 where beneficiary_id = ?1", loser, survivor);
        for (String delivered : DELIVERED) {
            run("update " + delivered + " set beneficiary_id = ?2 where beneficiary_id = ?1", loser, survivor);
        }
        run("update release_case set beneficiary_id = ?2 where beneficiary_id = ?1", loser, survivor);
        moveCase(loser, survivor);
        moveCohorts(loser, survivor);
        movePayouts(loser, survivor);
        moveCandidates(loser, survivor, candidateId);
    }

    private void moveCase(UUID loser, UUID survivor) {
        String theirs = "(select id from beneficiary_case where beneficiary_id = ?1)";
        String ours = "(select id from beneficiary_case where beneficiary_id = ?2)";
        run("update case_assignment set case_id = " + ours + " where case_id = " + theirs + " and exists " + ours,
            loser, survivor);
        run("update case_note set case_id = " + ours + " where case_id = " + theirs + " and exists " + ours,
            loser, survivor);
        for (String delivered : DELIVERED) {
            run("update " + delivered + " set case_id = " + ours + " where case_id = " + theirs + " and exists "
                + ours, loser, survivor);
        }
        run("delete from beneficiary_case where beneficiary_id = ?1 and exists " + ours, loser, survivor);
        run("update beneficiary_case set beneficiary_id = ?2 where beneficiary_id = ?1", loser, survivor);
    }

    private void moveCohorts(UUID loser, UUID survivor) {
        run("update cohort_membership s set since = least(s.since, l.since), "
                + "following_centre = coalesce(s.following_centre, l.following_centre), version = s.version + 1 "
                + "from cohort_membership l where s.beneficiary_id = ?2 and s.ended_on is null "
                + "and l.beneficiary_id = ?1 and l.ended_on is null and l.cohort_code = s.cohort_code",
            loser, survivor);
        run("delete from cohort_membership l where l.beneficiary_id = ?1 and l.ended_on is null and exists ("
                + "select 1 from cohort_membership s where s.beneficiary_id = ?2 and s.ended_on is null "
                + "and s.cohort_code = l.cohort_code)", loser, survivor);
        run("update cohort_membership set beneficiary_id = ?2 where beneficiary_id = ?1", loser, survivor);
    }

    private void movePayouts(UUID loser, UUID survivor) {
        run("update production_order_payout s set hours = s.hours + l.hours, "
                + "amount_rials = s.amount_rials + l.amount_rials from production_order_payout l "
                + "where s.beneficiary_id = ?2 and l.beneficiary_id = ?1 and l.order_id = s.order_id", loser, survivor);
        run("delete from production_order_payout l where l.beneficiary_id = ?1 and exists (select 1 from "
                + "production_order_payout s where s.beneficiary_id = ?2 and s.order_id = l.order_id)",
            loser, survivor);
        run("update production_order_payout set beneficiary_id = ?2 where beneficiary_id = ?1", loser, survivor);
    }

    /**
     * Other pairs naming the merged-away record now name the survivor; a pair that would name her twice, or
     * repeat a pair the survivor is already in, goes. The pair this merge was decided on stays as it is.
     */
    private void moveCandidates(UUID loser, UUID survivor, UUID candidateId) {
        String other = "(case when d.first_id = ?1 then d.second_id else d.first_id end)";
        em.createNativeQuery("delete from duplicate_candidate d where d.id <> ?3 "
                + "and (d.first_id = ?1 or d.second_id = ?1) "
                + "and (" + other + " = ?2 or exists (select 1 from duplicate_candidate e where e.id <> d.id "
                + "and ((e.first_id = ?2 and e.second_id = " + other + ") or (e.second_id = ?2 and e.first_id = "
                + other + "))))")
            .setParameter(1, loser).setParameter(2, survivor).setParameter(3, candidateId).executeUpdate();
        em.createNativeQuery("update duplicate_candidate set first_id = ?2 where first_id = ?1 and id <> ?3")
            .setParameter(1, loser).setParameter(2, survivor).setParameter(3, candidateId).executeUpdate();
        em.createNativeQuery("update duplicate_candidate set second_id = ?2 where second_id = ?1 and id <> ?3")
            .setParameter(1, loser).setParameter(2, survivor).setParameter(3, candidateId).executeUpdate();
    }

    private void run(String sql, UUID loser, UUID survivor) {
        em.createNativeQuery(sql).setParameter(1, loser).setParameter(2, survivor).executeUpdate();
    }
}
