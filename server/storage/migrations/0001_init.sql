-- LoyaltyDesk schema, version 1. Runs on SQLite and PostgreSQL alike.
-- Placeholders: ID_PK (integer identity key), TEXT_C (text compared bytewise).
-- Times are UTC seconds since the epoch (BIGINT); dates are TEXT YYYY-MM-DD;
-- money is integer minor units; flags are INTEGER 0/1; JSON is TEXT.

CREATE TABLE partners (
  id ID_PK,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  currency TEXT NOT NULL DEFAULT 'RUB',
  created_at BIGINT NOT NULL
);

CREATE TABLE status_tiers (
  id ID_PK,
  partner_id BIGINT NOT NULL REFERENCES partners(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  min_revenue BIGINT NOT NULL DEFAULT 0,
  rank INTEGER NOT NULL,
  UNIQUE (partner_id, code)
);

CREATE TABLE customers (
  id ID_PK,
  partner_id BIGINT NOT NULL REFERENCES partners(id),
  external_id TEXT,
  first_name TEXT,
  last_name TEXT,
  middle_name TEXT,
  gender TEXT,
  birth_date TEXT_C,
  address TEXT,
  city TEXT,
  time_zone TEXT,
  preferred_categories TEXT,
  children TEXT,
  pets TEXT,
  custom_attributes TEXT,
  source TEXT,
  tier_id BIGINT REFERENCES status_tiers(id),
  orders_count BIGINT NOT NULL DEFAULT 0,
  revenue BIGINT NOT NULL DEFAULT 0,
  first_purchase_at BIGINT,
  last_purchase_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (partner_id, external_id)
);
CREATE INDEX customers_last_purchase ON customers (last_purchase_at);

-- One row per way to find a customer: name (both word orders), phone (E.164 digits),
-- e-mail (lower case), card number. Ranges over `key` give find-as-you-type.
CREATE TABLE search_keys (
  kind TEXT NOT NULL,
  key TEXT_C NOT NULL,
  customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE
);
CREATE INDEX search_keys_key ON search_keys (kind, key, customer_id);
CREATE INDEX search_keys_customer ON search_keys (customer_id);

CREATE TABLE contacts (
  id ID_PK,
  customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  raw_value TEXT NOT NULL,
  value TEXT,
  valid INTEGER NOT NULL DEFAULT 0,
  confirmed INTEGER NOT NULL DEFAULT 0,
  is_primary INTEGER NOT NULL DEFAULT 0,
  details TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX contacts_customer ON contacts (customer_id);
CREATE INDEX contacts_value ON contacts (kind, value);

CREATE TABLE subscriptions (
  customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  channel TEXT NOT NULL,
  subscribed INTEGER NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (customer_id, channel)
);

CREATE TABLE consent_history (
  id ID_PK,
  customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  channel TEXT NOT NULL,
  subscribed INTEGER NOT NULL,
  source TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX consent_history_customer ON consent_history (customer_id, at);

CREATE TABLE card_groups (
  id ID_PK,
  partner_id BIGINT NOT NULL REFERENCES partners(id),
  name TEXT NOT NULL
);

CREATE TABLE cards (
  id ID_PK,
  partner_id BIGINT NOT NULL REFERENCES partners(id),
  customer_id BIGINT REFERENCES customers(id) ON DELETE SET NULL,
  number TEXT_C NOT NULL,
  category TEXT NOT NULL,
  type TEXT NOT NULL,
  state TEXT NOT NULL,
  group_id BIGINT REFERENCES card_groups(id),
  issued_at BIGINT NOT NULL,
  blocked_at BIGINT,
  UNIQUE (partner_id, number)
);
CREATE INDEX cards_customer ON cards (customer_id);

CREATE TABLE card_replacements (
  id ID_PK,
  old_card_id BIGINT NOT NULL REFERENCES cards(id),
  new_card_id BIGINT NOT NULL REFERENCES cards(id),
  reason TEXT,
  at BIGINT NOT NULL
);
CREATE INDEX card_replacements_new ON card_replacements (new_card_id);
CREATE INDEX card_replacements_old ON card_replacements (old_card_id);

CREATE TABLE bonus_accounts (
  id ID_PK,
  partner_id BIGINT NOT NULL REFERENCES partners(id),
  currency TEXT NOT NULL,
  active_balance BIGINT NOT NULL DEFAULT 0,
  pending_balance BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);

CREATE TABLE card_accounts (
  card_id BIGINT NOT NULL REFERENCES cards(id) ON DELETE CASCADE,
  account_id BIGINT NOT NULL REFERENCES bonus_accounts(id) ON DELETE CASCADE,
  PRIMARY KEY (card_id, account_id)
);
CREATE INDEX card_accounts_account ON card_accounts (account_id);

-- Every movement of points. `status`: pending (not yet active), active, spent, expired.
-- Points that activate or expire soon: activates_at / expires_at ranges.
CREATE TABLE bonus_ledger (
  id ID_PK,
  account_id BIGINT NOT NULL REFERENCES bonus_accounts(id) ON DELETE CASCADE,
  customer_id BIGINT REFERENCES customers(id) ON DELETE SET NULL,
  kind TEXT NOT NULL,
  amount BIGINT NOT NULL,
  status TEXT NOT NULL,
  receipt_id BIGINT,
  description TEXT,
  created_at BIGINT NOT NULL,
  activates_at BIGINT,
  expires_at BIGINT
);
CREATE INDEX bonus_ledger_account ON bonus_ledger (account_id, created_at);
CREATE INDEX bonus_ledger_customer ON bonus_ledger (customer_id, created_at);
CREATE INDEX bonus_ledger_activates ON bonus_ledger (activates_at);
CREATE INDEX bonus_ledger_expires ON bonus_ledger (expires_at);

CREATE TABLE products (
  id ID_PK,
  partner_id BIGINT NOT NULL REFERENCES partners(id),
  sku TEXT_C NOT NULL,
  name TEXT NOT NULL,
  category TEXT NOT NULL,
  brand TEXT,
  price BIGINT NOT NULL,
  UNIQUE (partner_id, sku)
);

CREATE TABLE receipts (
  id ID_PK,
  partner_id BIGINT NOT NULL REFERENCES partners(id),
  external_id TEXT_C NOT NULL,
  customer_id BIGINT REFERENCES customers(id) ON DELETE SET NULL,
  card_id BIGINT REFERENCES cards(id) ON DELETE SET NULL,
  pos TEXT_C,
  cheque_number TEXT_C,
  purchased_at BIGINT NOT NULL,
  status TEXT NOT NULL,
  total BIGINT NOT NULL,
  discount BIGINT NOT NULL DEFAULT 0,
  bonus_accrued BIGINT NOT NULL DEFAULT 0,
  bonus_spent BIGINT NOT NULL DEFAULT 0,
  currency TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (partner_id, external_id)
);
CREATE INDEX receipts_customer ON receipts (customer_id, purchased_at);
CREATE INDEX receipts_cheque ON receipts (cheque_number);

CREATE TABLE receipt_lines (
  id ID_PK,
  receipt_id BIGINT NOT NULL REFERENCES receipts(id) ON DELETE CASCADE,
  line_no INTEGER NOT NULL,
  product_id BIGINT REFERENCES products(id),
  sku TEXT_C,
  name TEXT NOT NULL,
  category TEXT,
  quantity DOUBLE PRECISION NOT NULL,
  price BIGINT NOT NULL,
  discount BIGINT NOT NULL DEFAULT 0,
  amount BIGINT NOT NULL,
  offer TEXT
);
CREATE INDEX receipt_lines_receipt ON receipt_lines (receipt_id);

CREATE TABLE events (
  id ID_PK,
  partner_id BIGINT NOT NULL REFERENCES partners(id),
  external_id TEXT_C NOT NULL,
  customer_id BIGINT REFERENCES customers(id) ON DELETE SET NULL,
  type TEXT_C NOT NULL,
  properties TEXT,
  source TEXT,
  occurred_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (partner_id, external_id)
);
CREATE INDEX events_customer ON events (customer_id, occurred_at);
CREATE INDEX events_type ON events (type, occurred_at);

CREATE TABLE messages (
  id ID_PK,
  partner_id BIGINT NOT NULL REFERENCES partners(id),
  customer_id BIGINT REFERENCES customers(id) ON DELETE SET NULL,
  channel TEXT NOT NULL,
  campaign_id BIGINT,
  campaign_name TEXT,
  template_id BIGINT,
  subject TEXT,
  recipient TEXT,
  status TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX messages_customer ON messages (customer_id, created_at);

CREATE TABLE message_status (
  id ID_PK,
  message_id BIGINT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  at BIGINT NOT NULL,
  details TEXT
);
CREATE INDEX message_status_message ON message_status (message_id, at);

CREATE TABLE coupons (
  id ID_PK,
  partner_id BIGINT NOT NULL REFERENCES partners(id),
  customer_id BIGINT REFERENCES customers(id) ON DELETE SET NULL,
  code TEXT_C NOT NULL,
  offer TEXT NOT NULL,
  issued_at BIGINT NOT NULL,
  expires_at BIGINT,
  redeemed_at BIGINT,
  receipt_id BIGINT,
  UNIQUE (partner_id, code)
);
CREATE INDEX coupons_customer ON coupons (customer_id, issued_at);

CREATE TABLE favorite_products (
  customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  product_id BIGINT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  added_at BIGINT NOT NULL,
  PRIMARY KEY (customer_id, product_id)
);

CREATE TABLE support_messages (
  id ID_PK,
  customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  direction TEXT NOT NULL,
  channel TEXT NOT NULL,
  author TEXT,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX support_messages_customer ON support_messages (customer_id, created_at);

CREATE TABLE users (
  id ID_PK,
  username TEXT_C NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  last_login_at BIGINT
);

CREATE TABLE roles (
  id ID_PK,
  code TEXT_C NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  builtin INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE role_permissions (
  role_id BIGINT NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
  permission TEXT NOT NULL,
  PRIMARY KEY (role_id, permission)
);

CREATE TABLE user_roles (
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role_id BIGINT NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, role_id)
);

CREATE TABLE sessions (
  token_hash TEXT_C PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT,
  client TEXT
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE audit_log (
  id ID_PK,
  at BIGINT NOT NULL,
  user_id BIGINT,
  username TEXT,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id BIGINT,
  customer_id BIGINT,
  details TEXT
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, id);
CREATE INDEX audit_log_customer ON audit_log (customer_id, id);

CREATE TABLE settings (
  key TEXT_C PRIMARY KEY,
  value TEXT NOT NULL
);
