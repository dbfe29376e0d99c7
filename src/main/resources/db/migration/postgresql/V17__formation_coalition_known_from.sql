-- The list of coalitions cuts its page from coalition_formation alone (CoalitionList): each formation row carries the
-- known_from of its coalition's coalition_view row, so that "known at" needs no join before the page is cut. Null
-- only for a formation without a coalition row, which the list's join left out before and the comparison now does.
alter table coalition_formation add column coalition_known_from timestamp(6) with time zone;
update coalition_formation set coalition_known_from =
    (select c.known_from from coalition_view c where c.id = coalition_formation.coalition_id);
