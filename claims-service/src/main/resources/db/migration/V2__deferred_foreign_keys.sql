-- Hibernate orders a batch's inserts by table to batch them, and the entities carry ids rather than associations, so
-- it may insert a batch's posts before the new events they belong to. The foreign keys are checked at commit instead:
-- the whole batch is one transaction, so they still hold for everything committed.
alter table storylines alter constraint storylines_event_id_fkey deferrable initially deferred;
alter table posts alter constraint posts_event_id_fkey deferrable initially deferred;
alter table posts alter constraint posts_storyline_id_fkey deferrable initially deferred;
alter table post_signals alter constraint post_signals_post_id_fkey deferrable initially deferred;
