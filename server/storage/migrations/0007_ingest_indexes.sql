-- Every purchase wrote entries into indexes that no query of the ingest path or the
-- profile needs in full (measured in docs/benchmarks.md, "Receipt ingest"):
-- * customers (last_purchase_at): a purchase moved the customer's entry across a
--   million-entry index. Date conditions on customers (created, first and last
--   purchase, days since) are evaluated per customer by segment queries, which read
--   customers in full anyway; none of the other customer dates had an index either.
-- * bonus_ledger (activates_at) and (expires_at): every query on these dates also asks
--   for the one status they matter for ("pending" points activate, "active" points
--   expire), so each index now holds only those rows; points spent or already expired
--   cost no entry.
DROP INDEX customers_last_purchase;
DROP INDEX bonus_ledger_activates;
DROP INDEX bonus_ledger_expires;
CREATE INDEX bonus_ledger_activates ON bonus_ledger (activates_at) WHERE status = 'pending';
CREATE INDEX bonus_ledger_expires ON bonus_ledger (expires_at) WHERE status = 'active';
