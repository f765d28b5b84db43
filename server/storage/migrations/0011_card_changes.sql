-- What a card number resolves to for ingest: the card, its holder and its first bonus
-- account. The SQLite server keeps that in memory (services/carddirectory.h) and learns
-- of changes from this log: every change to a card's number or holder, a card's
-- removal, and any change to its accounts other than a first one being linked (the
-- directory keeps no card without an account). Each write transaction that uses the
-- directory reads the rows past the last one it saw; SQLite has one writer at a time,
-- so the log's order is the order of the commits. The PostgreSQL server has no
-- directory (its ingest transactions run side by side) and the table stays empty there.
CREATE TABLE card_changes (
  seq ID_PK,
  card_id BIGINT NOT NULL
);
--@sqlite CREATE TRIGGER card_changes_card_update AFTER UPDATE OF number, customer_id, partner_id ON cards BEGIN INSERT INTO card_changes (card_id) VALUES (OLD.id); END;
--@sqlite CREATE TRIGGER card_changes_card_delete AFTER DELETE ON cards BEGIN INSERT INTO card_changes (card_id) VALUES (OLD.id); END;
--@sqlite CREATE TRIGGER card_changes_account_insert AFTER INSERT ON card_accounts WHEN EXISTS (SELECT 1 FROM card_accounts a WHERE a.card_id = NEW.card_id AND a.account_id <> NEW.account_id) BEGIN INSERT INTO card_changes (card_id) VALUES (NEW.card_id); END;
--@sqlite CREATE TRIGGER card_changes_account_update AFTER UPDATE ON card_accounts BEGIN INSERT INTO card_changes (card_id) VALUES (OLD.card_id); INSERT INTO card_changes (card_id) VALUES (NEW.card_id); END;
--@sqlite CREATE TRIGGER card_changes_account_delete AFTER DELETE ON card_accounts BEGIN INSERT INTO card_changes (card_id) VALUES (OLD.card_id); END;
