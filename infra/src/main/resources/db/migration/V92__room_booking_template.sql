-- The template a session came from, so the desk can book a member into a template's upcoming sessions (a series).
alter table room_booking add column template_id varchar(64);
create index room_booking_template on room_booking (template_id, starts_at) where template_id is not null;
