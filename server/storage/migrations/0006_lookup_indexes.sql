-- Lookups by a card number or a customer's external id alone (receipt and event ingest,
-- CSV import, card edits): the unique keys lead with partner_id, which PostgreSQL
-- cannot skip, so without these every such lookup read the whole table.
CREATE INDEX cards_number ON cards (number);
CREATE INDEX customers_external_id ON customers (external_id);
