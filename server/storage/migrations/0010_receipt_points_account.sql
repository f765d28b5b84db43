-- The account a purchase's points go to. Ingest no longer writes a purchase's accrual
-- and deduction rows to the ledger: it notes the account here, and the fold writes the
-- rows later, many batches at once and in account order, so that a page of the
-- ledger's account index is written once per fold instead of once per batch
-- (services/fold.h, docs/benchmarks.md). Until then readers derive the rows from the
-- receipt. NULL: the receipt earns and spends nothing through this path (older
-- receipts, receipts whose card is not their customer's: those write their rows at once).
ALTER TABLE receipts ADD COLUMN account_id BIGINT REFERENCES bonus_accounts(id) ON DELETE SET NULL;
