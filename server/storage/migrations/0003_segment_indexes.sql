-- Indexes for the segment engine's correlated aggregates: each customer's receipts in
-- a time window with their status and total read from the index alone, and events by
-- type.
CREATE INDEX receipts_customer_totals ON receipts (customer_id, purchased_at, status, total);
DROP INDEX receipts_customer;
CREATE INDEX events_customer_type ON events (customer_id, type, occurred_at);
