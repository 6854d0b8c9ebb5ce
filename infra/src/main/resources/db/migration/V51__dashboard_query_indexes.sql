-- Indexes for the dashboard's queries on a store of a million events and a busy day (bench/analysis.md,
-- "Dashboard queries at a million events"): each one spares a query rows it read without needing them, or a sort.
-- Three replace an index whose work they also do, so writes keep the same number of indexes.

-- Sales summary, renewal rate: every package sale of the centre up to the period's end (who had bought before the
-- period, who renewed in it). The package sales alone, in time order as they were written, carrying the member and
-- the renewal flag, so the index answers without the heap once vacuum has marked the pages all-visible.
create index sales_entry_package_sales on sales_entry (centre, at) include (member_id, renewal)
    where kind = 'SALE' and item_type = 'PACKAGE';

-- Sales summary, outstanding credits: the packs with credits left, with what the sum needs, so an index-only scan
-- answers it. Replaces the partial index on the centre alone, which sent every pack to the heap; credits_left was
-- already in that index's predicate, so a check-in's update costs no more than before.
drop index sales_credit_pack_centre;
create index sales_credit_pack_open on sales_credit_pack (centre, currency)
    include (credits_left, credits_total, price_minor) where credits_left > 0;

-- Complaints list in its default order (filed, newest first): the first page from the index instead of a sort of
-- every complaint of the centre. It serves the filed_at ranges (KPIs, age filters) as the index it replaces did.
drop index complaint_case_centre_filed;
create index complaint_case_centre_newest on complaint_case (centre, filed_at desc nulls last, complaint_id);

-- Complaint KPIs, open now: the open complaints only, instead of every complaint the centre ever had.
create index complaint_case_open on complaint_case (centre) where status not in ('CLOSED', 'WITHDRAWN');

-- Roster of a day: the day's shifts in the order the roster lists them, so they need no sort (a day of the bench's
-- load holds 1,600 shifts). Replaces the index on (centre, shift_date), whose ranges and look-ups it still serves.
drop index shift_roster_centre_day;
create index shift_roster_day_order on shift_roster (centre, shift_date, planned_start, post, staff, shift_id);
