-- Segments, their materialized members and history, RFM scores, target audiences,
-- survey answers.

CREATE TABLE segments (
  id ID_PK,
  partner_id BIGINT NOT NULL REFERENCES partners(id),
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  tags TEXT,
  rule TEXT NOT NULL,
  recalc_minutes INTEGER NOT NULL DEFAULT 360,
  size BIGINT,
  last_calculated_at BIGINT,
  last_duration_ms BIGINT,
  last_error TEXT,
  created_by TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE segment_members (
  segment_id BIGINT NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
  customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  PRIMARY KEY (segment_id, customer_id)
);
CREATE INDEX segment_members_customer ON segment_members (customer_id);

-- One row per recalculation: size and metrics over time, and how many came and went.
CREATE TABLE segment_runs (
  id ID_PK,
  segment_id BIGINT NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
  at BIGINT NOT NULL,
  duration_ms BIGINT NOT NULL,
  size BIGINT NOT NULL,
  entered BIGINT NOT NULL,
  left_count BIGINT NOT NULL,
  revenue BIGINT NOT NULL,
  orders BIGINT NOT NULL,
  average_receipt BIGINT NOT NULL,
  ltv BIGINT NOT NULL,
  share DOUBLE PRECISION NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX segment_runs_segment ON segment_runs (segment_id, at);

-- Who entered and who left at each run (campaigns trigger on it).
CREATE TABLE segment_changes (
  id ID_PK,
  segment_id BIGINT NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
  run_id BIGINT NOT NULL REFERENCES segment_runs(id) ON DELETE CASCADE,
  customer_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX segment_changes_segment ON segment_changes (segment_id, id);

CREATE TABLE customer_rfm (
  customer_id BIGINT PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
  r INTEGER NOT NULL,
  f INTEGER NOT NULL,
  m INTEGER NOT NULL,
  recency_days BIGINT,
  frequency BIGINT NOT NULL,
  monetary BIGINT NOT NULL,
  grp TEXT_C NOT NULL,
  computed_at BIGINT NOT NULL
);
CREATE INDEX customer_rfm_group ON customer_rfm (grp);

CREATE TABLE audiences (
  id ID_PK,
  partner_id BIGINT NOT NULL REFERENCES partners(id),
  name TEXT NOT NULL,
  tags TEXT,
  source_segment_id BIGINT REFERENCES segments(id) ON DELETE SET NULL,
  rule TEXT NOT NULL,
  size BIGINT NOT NULL,
  created_by TEXT,
  created_at BIGINT NOT NULL
);

CREATE TABLE audience_members (
  audience_id BIGINT NOT NULL REFERENCES audiences(id) ON DELETE CASCADE,
  customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  PRIMARY KEY (audience_id, customer_id)
);

CREATE TABLE survey_answers (
  id ID_PK,
  customer_id BIGINT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  question TEXT_C NOT NULL,
  answer TEXT NOT NULL,
  answered_at BIGINT NOT NULL
);
CREATE INDEX survey_answers_customer ON survey_answers (customer_id, question);

CREATE INDEX receipts_purchased ON receipts (purchased_at);
