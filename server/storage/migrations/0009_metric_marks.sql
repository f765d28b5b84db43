-- Customer metrics and account balances are folded in from receipts and ledger rows in
-- batches (services/fold.h). These marks say how far they go: receipts with a greater
-- id, and accruals and deductions of purchases with a greater ledger id, are not in the
-- totals yet. Everything stored before this migration is in them.
CREATE TABLE metric_marks (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  receipt_id BIGINT NOT NULL,
  ledger_id BIGINT NOT NULL
);
INSERT INTO metric_marks (id, receipt_id, ledger_id)
VALUES (1, (SELECT COALESCE(MAX(id), 0) FROM receipts), (SELECT COALESCE(MAX(id), 0) FROM bonus_ledger));
