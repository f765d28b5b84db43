-- A customer's bonus history is the ledger of the accounts linked to their cards, the
-- same accounts their balance is summed over, so the history always explains the
-- balance. It is read through bonus_ledger (account_id, created_at); the index by
-- customer cost every purchase one more entry at a random place in a 10-million-entry
-- index and answered nothing the account index does not (docs/benchmarks.md,
-- "Receipt ingest"). The column stays: segment rules on points that activate or
-- expire group the pending and active rows by it.
DROP INDEX bonus_ledger_customer;
